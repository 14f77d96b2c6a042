using System.Text.RegularExpressions;

namespace AlertBot.Core.Articles;

/// <summary>
/// Shape features of one line of scraped text. Plain text has no markup left, so what tells an article
/// paragraph from page furniture is its shape: sentences end with punctuation and run long, furniture
/// is short, label-like, all caps or a bare name.
/// </summary>
internal static partial class LineShape
{
    private static readonly char[] SentenceEnds = ['.', '!', '?', '…'];
    private static readonly char[] Closers = ['"', '\'', '”', '’', ')', ']', '»'];

    // Function words that never appear inside a person's name; they tell "In Conclusion" from "Fatima Khan".
    private static readonly HashSet<string> NameStopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "in", "on", "of", "and", "or", "for", "to", "at", "by", "with", "from", "news", "world",
        "more", "read", "share", "post", "comment", "comments", "related", "posts", "loading", "now", "home",
        "latest", "top", "stories", "video", "live", "updates", "conclusion", "summary", "introduction", "advertisement",
    };

    public static int WordCount(string line) => WordCount(line, int.MaxValue);

    /// <summary>The words of a line, counted up to <paramref name="atMost"/>: the rest of a long paragraph is not read.</summary>
    public static int WordCount(string line, int atMost)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in line)
        {
            var letterOrDigit = char.IsLetterOrDigit(c);
            if (letterOrDigit && !inWord && ++count > atMost) return atMost;
            inWord = letterOrDigit || (inWord && (c is '\'' or '’' or '-'));
        }
        return count;
    }

    /// <summary>Ends like a sentence: terminal punctuation, possibly inside closing quotes or brackets.</summary>
    public static bool EndsLikeSentence(string line)
    {
        var trimmed = line.TrimEnd().TrimEnd(Closers);
        return trimmed.Length > 0 && Array.IndexOf(SentenceEnds, trimmed[^1]) >= 0;
    }

    /// <summary>
    /// A line of running prose: an article paragraph (or a bullet written as a sentence). Headings, labels,
    /// bylines and tag lists are not prose.
    /// </summary>
    public static bool IsProse(string line) => IsProse(line, WordCount(line));

    /// <summary>As <see cref="IsProse(string)"/>, given the line's <see cref="WordCount(string)"/>.</summary>
    public static bool IsProse(string line, int words)
    {
        if (IsTableRow(line) || IsMostlyUpperCase(line)) return false;
        if (words >= 8 && EndsLikeSentence(line)) return true;
        // A long run of text with sentence breaks inside but a ragged end (cut by a scraper) is still prose.
        return words >= 40 && SentenceBreak().IsMatch(line);
    }

    /// <summary>A row of a pipe table ("a | b | c |") or its separator ("---|---|").</summary>
    public static bool IsTableRow(string line)
    {
        var pipes = line.AsSpan().Count('|');
        if (pipes == 0) return false;
        if (line.StartsWith('|')) return true;
        return pipes >= 2 && TableSeparatorOrCells().IsMatch(line);
    }

    public static bool IsMostlyUpperCase(string line)
    {
        int upper = 0, lower = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (char.IsUpper(c)) upper++;
            else if (char.IsLower(c))
            {
                // Even if every character left were upper case there would be too few: a sentence is decided early.
                if (3 * ++lower >= upper + line.Length - i - 1) return false;
            }
        }
        return upper >= 6 && upper > 3 * lower;
    }

    /// <summary>A line that is nothing but a person's name (a byline without "By"): 2–4 capitalised words.</summary>
    public static bool IsNameOnly(string line)
    {
        var m = NameLine().Match(line.Trim());
        if (!m.Success) return false;
        var words = m.Groups["name"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 4 && !words.Any(NameStopWords.Contains);
    }

    /// <summary>
    /// A list of tags or topics: many short comma, pipe or bullet separated items and no sentence in it
    /// (the all-caps list at the top of seed 000 is the typical case).
    /// </summary>
    public static bool IsTagList(string line)
    {
        if (IsTableRow(line)) return false;
        var body = TagListLabel().Replace(line, "");
        var items = body.Split([',', '•', '·', '|', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (items.Length < 4) return false;
        var shortItems = items.Count(i => WordCount(i) <= 4);
        if (shortItems < items.Length * 0.9) return false;
        var capitalised = items.Count(i => char.IsUpper(i[0]) || char.IsDigit(i[0]) || i[0] == '#');
        var labelled = TagListLabel().IsMatch(line);
        return labelled || (capitalised >= items.Length * 0.8 && !EndsLikeSentence(line));
    }

    [GeneratedRegex(@"[.!?…][""'”’)\]]*\s+[""“‘(]?\p{Lu}")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"^\s*(-{3,}\s*\|\s*)+|\S\s+\|\s+\S.*\|")]
    private static partial Regex TableSeparatorOrCells();

    [GeneratedRegex(@"^(?:(?:By|Written by|Words by|Author:)\s+)?(?<name>\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})$")]
    private static partial Regex NameLine();

    [GeneratedRegex(@"^\s*(?:tags?|topics?|filed under|categories|category|keywords|related topics)\s*[:\-–]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex TagListLabel();
}
