using System.Text.RegularExpressions;
using AlertBot.Core.Text;
using AngleSharp.Dom;

namespace AlertBot.Core.Articles;

/// <summary>
/// The headline of a page: the article's h1 when the document title or og:title confirms it, else og:title,
/// else the document title without its " | Site name" tail.
/// </summary>
internal static partial class HtmlTitle
{
    public static string Pick(IDocument document)
    {
        var og = Clean(document.QuerySelector("meta[property='og:title'],meta[name='twitter:title']")?.GetAttribute("content"));
        var docTitle = Clean(document.Title);
        var h1Element = document.QuerySelector("article h1, main h1, [itemprop=headline]") ?? document.QuerySelector("h1");
        var h1 = Clean(h1Element?.TextContent);

        var h1Key = ArticleCleaner.Key(h1);
        if (h1Key.Length >= 10 && (ArticleCleaner.Key(docTitle).Contains(h1Key, StringComparison.Ordinal) || ArticleCleaner.Key(og).Contains(h1Key, StringComparison.Ordinal)))
            return h1;
        if (og.Length > 0) return og;
        if (docTitle.Length > 0) return WithoutSiteName(docTitle);
        return h1;
    }

    private static string WithoutSiteName(string title)
    {
        var parts = Separator().Split(title);
        if (parts.Length < 2) return title;
        // The headline is the longest part; the site name is the short one at either end.
        return parts.OrderByDescending(p => p.Length).First().Trim();
    }

    private static string Clean(string? s) => s is null ? "" : HtmlText.Collapse(s, lineBreaksAreText: false);

    [GeneratedRegex(@"\s+[|–—:·•]\s+|\s+-\s+|\s+::\s+")]
    private static partial Regex Separator();
}
