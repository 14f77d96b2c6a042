using System.Text;
using AlertBot.Core.Text;

namespace AlertBot.Core.Articles;

/// <summary>
/// Turns article text as scraped (from a feed, a page or a file) into the article's paragraphs, without page
/// furniture. Pure: text in, text out. Rules work on line shape and position rather than on any one site:
/// <list type="bullet">
/// <item>before the first paragraph of prose, every non-prose line is page head (category label, byline,
/// comment counter, tag list, the headline again);</item>
/// <item>after the last paragraph, every non-prose line is page foot, and an author bio there goes too;</item>
/// <item>anywhere, lines of known furniture shape, tag lists and blocks under "Related posts" go, and furniture
/// sentences glued into a paragraph (paywall counters) are cut out;</item>
/// <item>pipe-table rows stay, as lines starting with '|', because the figure extractor reads them.</item>
/// </list>
/// </summary>
public static class ArticleCleaner
{
    /// <summary>Text beyond this many characters is ignored: no article is longer, and the cost stays bounded.</summary>
    public const int MaxTextChars = 400_000;

    private enum Kind { Prose, Table, Other, Furniture }

    /// <summary>Returns the article's paragraphs, one per line, separated by '\n' (no blank lines).</summary>
    public static string Clean(string title, string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var lines = SplitLines(text.Length > MaxTextChars ? text[..MaxTextChars] : text);
        var kinds = lines.Select(Classify).ToArray();

        MarkRepeatedHeadline(title, lines, kinds);
        MarkRelatedBlocks(lines, kinds);

        var first = Array.FindIndex(kinds, k => k is Kind.Prose or Kind.Table);
        if (first < 0)
        {
            // No paragraph at all (a one-line teaser): keep what is not known furniture rather than nothing.
            return string.Join('\n', lines.Where((l, i) => kinds[i] == Kind.Other && !LineShape.IsNameOnly(l)));
        }
        var last = Array.FindLastIndex(kinds, k => k is Kind.Prose or Kind.Table);
        last = MarkTrailingBios(lines, kinds, first, last);

        var kept = new List<string>();
        for (var i = first; i <= last; i++)
        {
            if (kinds[i] == Kind.Furniture) continue;
            kept.Add(kinds[i] == Kind.Table && !lines[i].StartsWith('|') ? "| " + lines[i] : lines[i]);
        }
        return string.Join('\n', kept);
    }

    private static List<string> SplitLines(string text)
    {
        var result = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = HtmlText.Collapse(raw, lineBreaksAreText: false);
            if (line.Length == 0) continue;
            if (!LineShape.IsTableRow(line))
            {
                line = FurniturePatterns.StripInlinePhotoCredit(line);
                line = FurniturePatterns.StripFurnitureSentences(line);
            }
            if (line.Length > 0) result.Add(line);
        }
        return result;
    }

    private static Kind Classify(string line)
    {
        if (LineShape.IsTableRow(line)) return Kind.Table;
        var prose = LineShape.IsProse(line);
        // Long prose is only furniture when the whole of it is (a bio is decided by position, later).
        if (prose && LineShape.WordCount(line) > 20) return FurniturePatterns.IsFurnitureLine(line) && line.Length <= 200 ? Kind.Furniture : Kind.Prose;
        if (FurniturePatterns.IsFurnitureLine(line) || FurniturePatterns.IsBlockHeader(line) || LineShape.IsTagList(line)) return Kind.Furniture;
        return prose ? Kind.Prose : Kind.Other;
    }

    /// <summary>The headline repeated at the top, even when it is shaped like a sentence ("… this year?").</summary>
    private static void MarkRepeatedHeadline(string title, List<string> lines, Kind[] kinds)
    {
        var key = Key(title);
        if (key.Length == 0) return;
        for (var i = 0; i < lines.Count; i++)
        {
            if (kinds[i] == Kind.Prose && (Key(lines[i]) != key || LineShape.WordCount(lines[i]) > 40)) return;
            // No headline runs past 40 words: a longer line equal to the "title" is a lead paragraph taken for one.
            if (kinds[i] != Kind.Table && LineShape.WordCount(lines[i]) <= 40 && SameHeadline(key, Key(lines[i]))) kinds[i] = Kind.Furniture;
        }
    }

    private static bool SameHeadline(string titleKey, string lineKey) =>
        lineKey.Length > 0 && (lineKey == titleKey
            || (Math.Min(lineKey.Length, titleKey.Length) >= 0.85 * Math.Max(lineKey.Length, titleKey.Length)
                && (lineKey.Contains(titleKey, StringComparison.Ordinal) || titleKey.Contains(lineKey, StringComparison.Ordinal))));

    /// <summary>Under a "Related posts" heading, the headlines that follow are links to other stories.</summary>
    private static void MarkRelatedBlocks(List<string> lines, Kind[] kinds)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (!FurniturePatterns.IsBlockHeader(lines[i])) continue;
            kinds[i] = Kind.Furniture;
            for (var j = i + 1; j < lines.Count && kinds[j] != Kind.Prose && kinds[j] != Kind.Table; j++) kinds[j] = Kind.Furniture;
            // Related headlines can end with "?" or "!" and look like short prose: take those under 20 words too.
            for (var j = i + 1; j < lines.Count && kinds[j] != Kind.Table && LineShape.WordCount(lines[j]) < 20 && !lines[j].EndsWith('.'); j++)
                kinds[j] = Kind.Furniture;
        }
    }

    /// <summary>Author bios sit after the article; only a bio followed by nothing but furniture is taken.</summary>
    private static int MarkTrailingBios(List<string> lines, Kind[] kinds, int first, int last)
    {
        while (last > first && kinds[last] == Kind.Prose && FurniturePatterns.IsAuthorBio(lines[last]))
        {
            kinds[last] = Kind.Furniture;
            last = Array.FindLastIndex(kinds, last, k => k is Kind.Prose or Kind.Table);
        }
        return last;
    }

    /// <summary>Comparison key: letters and digits, lower case, quotes and punctuation folded away.</summary>
    internal static string Key(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
