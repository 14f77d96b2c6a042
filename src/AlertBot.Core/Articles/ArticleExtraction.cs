using AlertBot.Core.Text;

namespace AlertBot.Core.Articles;

/// <summary>
/// The text part of <c>alertbot extract</c>: a local HTML or plain-text file (or its content) to title and cleaned text.
/// Plain text follows the seeds' convention: the first line is the title, as scraped, which may be page furniture.
/// </summary>
public static class ArticleExtraction
{
    /// <summary>Reads a local file: HTML when it looks like HTML (by extension or content), plain text otherwise.</summary>
    public static ExtractedArticle FromFile(string path)
    {
        var text = TextDecoder.Decode(File.ReadAllBytes(path), null).Text;
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".html" or ".htm" or ".xhtml" || (extension is not ".txt" && HtmlMarkup.LooksLikeHtml(text)))
            return FromHtml(text);
        return FromPlainText(text);
    }

    /// <summary>An HTML page: the main content found by scoring, then cleaned.</summary>
    public static ExtractedArticle FromHtml(string html) => HtmlArticleExtractor.Extract(html);

    /// <summary>An HTML page as bytes; the charset is sniffed from a BOM or a meta tag.</summary>
    public static ExtractedArticle FromHtml(byte[] html, string? contentType = null) =>
        HtmlArticleExtractor.Extract(html, contentType);

    /// <summary>Plain text whose first line is the title as scraped.</summary>
    public static ExtractedArticle FromPlainText(string content)
    {
        var title = PlainTextTitle.Pick(content);
        return new ExtractedArticle(title, ArticleCleaner.Clean(title, content));
    }
}
