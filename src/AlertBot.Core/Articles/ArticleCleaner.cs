using System.Buffers;
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
        return CleanSplit(title, SplitLines(text.Length > MaxTextChars ? text[..MaxTextChars] : text));
    }

    /// <summary>
    /// As <see cref="Clean(string, string)"/> of the lines joined by '\n', for lines already collapsed as
    /// <see cref="HtmlText.Collapse"/> does without line breaks (the fragment writer's): collapsing is idempotent, so
    /// such lines are taken as they are instead of being joined, split and collapsed again.
    /// </summary>
    internal static string CleanLines(string title, List<string> collapsedLines)
    {
        var total = collapsedLines.Count;
        foreach (var line in collapsedLines)
        {
            total += line.Length;
            // A paragraph separator collapses to a break inside a line: that line is two lines of the joined text.
            if (line.Contains('\n', StringComparison.Ordinal)) return Clean(title, string.Join('\n', collapsedLines));
        }
        if (total > MaxTextChars) return Clean(title, string.Join('\n', collapsedLines));
        var lines = new List<string>(collapsedLines.Count);
        foreach (var line in collapsedLines) AddLine(lines, line);
        return lines.Count == 0 ? "" : CleanSplit(title, lines);
    }

    private static string CleanSplit(string title, List<string> lines)
    {
        // Word counts are taken once per line: classifying and both markers below read them, and none tells 41 words
        // from more (IsProse's 40 is the highest count any rule compares with).
        var words = new int[lines.Count];
        var kinds = new Kind[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            words[i] = LineShape.WordCount(lines[i], atMost: 41);
            kinds[i] = Classify(lines[i], words[i]);
        }

        MarkRepeatedHeadline(title, lines, words, kinds);
        MarkRelatedBlocks(lines, words, kinds);

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
        foreach (var raw in text.Split('\n')) AddLine(result, HtmlText.Collapse(raw, lineBreaksAreText: false));
        return result;
    }

    /// <summary>A collapsed line, without inline photo credits and furniture sentences unless it is a table row.</summary>
    private static void AddLine(List<string> lines, string line)
    {
        if (line.Length == 0) return;
        if (!LineShape.IsTableRow(line))
        {
            line = FurniturePatterns.StripInlinePhotoCredit(line);
            line = FurniturePatterns.StripFurnitureSentences(line);
        }
        if (line.Length > 0) lines.Add(line);
    }

    private static Kind Classify(string line, int words)
    {
        if (LineShape.IsTableRow(line)) return Kind.Table;
        var prose = LineShape.IsProse(line, words);
        // Long prose is only furniture when the whole of it is (a bio is decided by position, later).
        if (prose && words > 20) return line.Length <= 200 && FurniturePatterns.IsFurnitureLine(line) ? Kind.Furniture : Kind.Prose;
        if (FurniturePatterns.IsFurnitureLine(line) || FurniturePatterns.IsBlockHeader(line) || LineShape.IsTagList(line)) return Kind.Furniture;
        return prose ? Kind.Prose : Kind.Other;
    }

    /// <summary>The headline repeated at the top, even when it is shaped like a sentence ("… this year?").</summary>
    private static void MarkRepeatedHeadline(string title, List<string> lines, int[] words, Kind[] kinds)
    {
        var key = Key(title);
        if (key.Length == 0) return;
        // Each line's key is written into one rented buffer: comparing keys needs no string per line.
        var buffer = ArrayPool<char>.Shared.Rent(256);
        try
        {
            for (var i = 0; i < lines.Count; i++)
            {
                if (buffer.Length < lines[i].Length)
                {
                    ArrayPool<char>.Shared.Return(buffer);
                    buffer = ArrayPool<char>.Shared.Rent(lines[i].Length);
                }
                ReadOnlySpan<char> lineKey = buffer.AsSpan(0, WriteKey(lines[i], buffer));
                if (kinds[i] == Kind.Prose && (!lineKey.SequenceEqual(key) || words[i] > 40)) return;
                // No headline runs past 40 words: a longer line equal to the "title" is a lead paragraph taken for one.
                if (kinds[i] != Kind.Table && words[i] <= 40 && SameHeadline(key, lineKey)) kinds[i] = Kind.Furniture;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static bool SameHeadline(string titleKey, ReadOnlySpan<char> lineKey) =>
        lineKey.Length > 0 && (lineKey.SequenceEqual(titleKey)
            || (Math.Min(lineKey.Length, titleKey.Length) >= 0.85 * Math.Max(lineKey.Length, titleKey.Length)
                && (lineKey.Contains(titleKey, StringComparison.Ordinal) || titleKey.AsSpan().Contains(lineKey, StringComparison.Ordinal))));

    /// <summary>Under a "Related posts" heading, the headlines that follow are links to other stories.</summary>
    private static void MarkRelatedBlocks(List<string> lines, int[] words, Kind[] kinds)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (!FurniturePatterns.IsBlockHeader(lines[i])) continue;
            kinds[i] = Kind.Furniture;
            for (var j = i + 1; j < lines.Count && kinds[j] != Kind.Prose && kinds[j] != Kind.Table; j++) kinds[j] = Kind.Furniture;
            // Related headlines can end with "?" or "!" and look like short prose: take those under 20 words too.
            for (var j = i + 1; j < lines.Count && kinds[j] != Kind.Table && words[j] < 20 && !lines[j].EndsWith('.'); j++)
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
        var buffer = s.Length <= 256 ? stackalloc char[s.Length] : new char[s.Length];
        return new string(buffer[..WriteKey(s, buffer)]);
    }

    /// <summary>Writes <see cref="Key"/> of <paramref name="s"/> into <paramref name="into"/> (at least as long as it); its length.</summary>
    private static int WriteKey(string s, Span<char> into)
    {
        var length = 0;
        foreach (var c in s)
        {
            if (char.IsLetterOrDigit(c)) into[length++] = char.ToLowerInvariant(c);
        }
        return length;
    }
}
