using System.Buffers;
using System.Text.RegularExpressions;

namespace AlertBot.Core.Figures;

/// <summary>Time expressions that say when a figure holds: "since October", "last year", "in March", "in the coming weeks".</summary>
internal static partial class TimeExpressions
{
    private const string Month = "January|February|March|April|May|June|July|August|September|October|November|December";
    private const string Season = "spring|summer|autumn|fall|winter";
    private const string Day = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

    [GeneratedRegex(
        @"\b(?:(?:since|in|by|until|before|after|during|from|through|throughout|as\s+of)\s+(?:(?:early|late|mid)[\s-]+)?" +
        @"(?:(?-i:" + Month + @")(?:\s+\d{4})?(?:\s+of\s+(?:the\s+)?(?:this|last|previous|next|same)\s+year)?|\d{4}|the\s+(?:previous|last|past)\s+year|(?:the\s+)?(?:" + Season + @")(?:\s+of\s+\d{4})?)" +
        @"|(?:last|this|next|earlier\s+this|later\s+this|early\s+this|late\s+last|earlier\s+last)\s+(?:year|month|week|weekend|" + Season + "|(?-i:" + Month + ")|(?-i:" + Day + @"))" +
        @"|in\s+the\s+(?:coming|next|past|last|previous|following)\s+(?:few\s+|several\s+|two\s+|three\s+)?(?:days|weeks|months|years)" +
        @"|over\s+the\s+(?:past|last|next|coming)\s+(?:few\s+|several\s+|two\s+|three\s+)?(?:days|weeks|months|years|year|month|week)" +
        @"|(?:on\s+)?(?-i:" + Day + @")" +
        @"|yesterday|this\s+morning|last\s+night" +
        @"|(?:in|during)\s+the\s+(?-i:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)\s+(?-i:War))\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    /// <summary>
    /// Every match of <see cref="Pattern"/> contains one of these (a month, a season, "year", "month", "week", "day" —
    /// which all weekday names and "yesterday" end in —, "morning", "night", "War") or four digits: a sentence with
    /// none of them is not searched. The pattern ignores case, so these do too.
    /// </summary>
    private static readonly SearchValues<string> Heads = SearchValues.Create(
        ["year", "month", "week", "day", "morning", "night", "war", "spring", "summer", "autumn", "fall", "winter",
         "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Farther than this from the number, a time expression belongs to another part of the sentence.</summary>
    private const int MaxDistance = 80;

    /// <summary>The time expressions of a sentence, found once and asked for each of its numbers.</summary>
    public static IReadOnlyList<(int Index, int Length, string Value)> Find(string sentence)
    {
        var found = new List<(int, int, string)>();
        if (!MaySpeakOfTime(sentence)) return found;
        // A match is made of word characters, white space and hyphens only, so none spans a comma, a full stop or any
        // other ASCII mark: each stretch between them is searched alone, and only when it has a head of its own. Such
        // a mark is no word character either side of it, just as the end of the input is, so "\b" reads the same.
        var text = sentence.AsSpan();
        for (var start = 0; start < text.Length;)
        {
            var stop = text[start..].IndexOfAny(Marks);
            var end = stop < 0 ? text.Length : start + stop;
            if (end > start && MaySpeakOfTime(text[start..end]))
            {
                foreach (var m in Pattern().EnumerateMatches(text[..end], start)) found.Add((m.Index, m.Length, sentence.Substring(m.Index, m.Length)));
            }
            start = end + 1;
        }
        return found;
    }

    /// <summary>ASCII characters that are neither word characters, white space nor a hyphen: no match contains one.</summary>
    private static readonly SearchValues<char> Marks = SearchValues.Create("!\"#$%&'()*+,./:;<=>?@[\\]^`{|}~");

    private static bool MaySpeakOfTime(ReadOnlySpan<char> sentence)
    {
        // The pattern's case-insensitive "k" and "s" also match the Kelvin sign and the long s; such text is searched.
        if (sentence.ContainsAny(Heads) || sentence.ContainsAny('\u212A', '\u017F')) return true;
        var digits = 0;
        foreach (var c in sentence)
            if (!char.IsDigit(c)) digits = 0;
            else if (++digits == 4) return true;
        return false;
    }

    /// <summary>Of a sentence's time expressions (<see cref="Find"/>), the one nearest to character <paramref name="position"/>, or null.</summary>
    public static string? Nearest(IReadOnlyList<(int Index, int Length, string Value)> times, int position)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (index, length, value) in times)
        {
            var distance = index > position ? index - position : Math.Max(0, position - (index + length));
            if (distance < bestDistance && distance <= MaxDistance) { bestDistance = distance; best = value; }
        }
        return best;
    }
}
