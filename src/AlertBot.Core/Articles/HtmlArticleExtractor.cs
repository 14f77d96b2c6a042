using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using AlertBot.Core.Text;

namespace AlertBot.Core.Articles;

/// <summary>
/// Extracts an article's title and cleaned text from an HTML page (main-content scoring, not a fixed selector),
/// or cleans HTML that a feed carried as content. Never throws: hostile input gives an empty result.
/// </summary>
public static class HtmlArticleExtractor
{
    /// <summary>
    /// Markup beyond this many characters (after script, style and comment bodies are dropped) is ignored: no
    /// article needs more, and parse cost stays bounded.
    /// </summary>
    public const int MaxHtmlChars = 2 * 1024 * 1024;

    /// <summary>Tags nested deeper than this are dropped (their text is kept): real pages stay far below it.</summary>
    public const int MaxDepth = 400;

    /// <summary>Extracts title and main text from a whole page.</summary>
    public static ExtractedArticle Extract(string html)
    {
        try
        {
            var document = Parse(html);
            var title = HtmlTitle.Pick(document);
            HtmlJunkRemover.Remove(document);
            var body = document.Body;
            if (body is null) return new ExtractedArticle(title, "");
            // One walk for the scorer and the writer: scoring reads the tree without changing it.
            var stats = new HtmlTextStats(body);
            var content = HtmlContentScorer.SelectContent(body, stats);
            var lines = HtmlBlockWriter.Write(content, stats);
            return new ExtractedArticle(title, ArticleCleaner.Clean(title, string.Join('\n', lines)));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ExtractedArticle.Empty;
        }
    }

    /// <summary>Extracts from raw bytes, decoding with the Content-Type charset, a BOM or a meta charset (UTF-8 otherwise).</summary>
    public static ExtractedArticle Extract(byte[] html, string? contentType) =>
        Extract(TextDecoder.Decode(html, contentType).Text);

    /// <summary>
    /// Cleans HTML a feed carried as the item's content: the whole fragment is the article, so no scoring, only
    /// junk removal, blocks to lines, and the furniture rules of <see cref="ArticleCleaner"/>.
    /// </summary>
    public static string CleanFragment(string title, string html)
    {
        if (SimpleHtmlFragment.TryWriteLines(html) is { } simple) return ArticleCleaner.CleanLines(title, simple);
        return CleanFragmentWithParser(title, html);
    }

    /// <summary><see cref="CleanFragment"/> through the full parser, whatever the markup.</summary>
    internal static string CleanFragmentWithParser(string title, string html)
    {
        try
        {
            return FragmentLinesWithParser(html) is { } lines ? ArticleCleaner.Clean(title, string.Join('\n', lines)) : "";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return "";
        }
    }

    /// <summary>A fragment's lines through the full parser and junk removal (the reference the cheap path is tested against).</summary>
    internal static List<string>? FragmentLinesWithParser(string html)
    {
        var document = Parse(html);
        HtmlJunkRemover.Remove(document);
        return document.Body is null ? null : HtmlBlockWriter.Write([document.Body], new HtmlTextStats(document.Body));
    }

    [ThreadStatic] private static HtmlParser? t_parser;

    private static IHtmlDocument Parse(string html)
    {
        html = HtmlPreprocessor.Prepare(html, MaxDepth, MaxHtmlChars);
        // One parser per thread: making one builds a browsing context and its configuration, which cost more than parsing a feed item.
        var parser = t_parser ??= new HtmlParser(new HtmlParserOptions { IsScripting = false, IsKeepingSourceReferences = false });
        var document = parser.ParseDocument(html);
        // The parser can still nest deeper than the counted tags (implied elements, foster parenting).
        FlattenDeepNesting(document);
        return document;
    }

    /// <summary>
    /// Cuts subtrees nested deeper than <see cref="MaxDepth"/>: the library's own selectors and text accessors walk
    /// the tree recursively, and a page of 100,000 nested divs must not take the process down.
    /// </summary>
    private static void FlattenDeepNesting(IDocument document)
    {
        var stack = new Stack<(INode Node, int Depth)>();
        stack.Push((document, 0));
        var tooDeep = new List<INode>();
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            foreach (var child in node.ChildNodes)
            {
                if (depth + 1 > MaxDepth * 2) tooDeep.Add(child);
                else if (child.HasChildNodes) stack.Push((child, depth + 1));
            }
        }
        foreach (var node in tooDeep) node.Parent?.RemoveChild(node);
    }
}
