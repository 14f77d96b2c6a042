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

    /// <summary>Farther than this from the number, a time expression belongs to another part of the sentence.</summary>
    private const int MaxDistance = 80;

    /// <summary>The time expressions of a sentence, found once and asked for each of its numbers.</summary>
    public static IReadOnlyList<(int Index, int Length, string Value)> Find(string sentence)
    {
        var found = new List<(int, int, string)>();
        foreach (var m in Pattern().EnumerateMatches(sentence)) found.Add((m.Index, m.Length, sentence.Substring(m.Index, m.Length)));
        return found;
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
