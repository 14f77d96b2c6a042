using System.Buffers;
using System.Collections.Frozen;

namespace AlertBot.Core.Figures;

/// <summary>
/// Says whose figure it is: a nationality next to the noun ("300 North Korean soldiers"), "among North Korean
/// ranks", or the country that acts in the clause ("South Korea, which deployed troops (320,000 men)").
/// A figure about another country keeps that country, so it is never merged into the main series.
/// </summary>
internal static class SubjectFinder
{
    /// <summary>
    /// <see cref="Places.Countries"/> by their first character, each group in the list's order (longest first): a
    /// country is looked for only where a word starts with one of these.
    /// </summary>
    private static readonly FrozenDictionary<char, string[]> CountriesByInitial =
        Places.Countries.GroupBy(c => c[0]).ToFrozenDictionary(g => g.Key, g => g.ToArray());

    private static readonly SearchValues<char> CountryInitials = SearchValues.Create([.. CountriesByInitial.Keys]);

    public static string? Find(string sentence, List<Token> t, NumberSpan n, LearntMeasure m, IReadOnlyList<AttributionCue> cues)
    {
        var noun = SubjectNoun(m, t);
        if (m.Demonym is { } d) return d + " " + noun;
        for (var k = n.End; k < Math.Min(t.Count - 1, n.End + 8); k++)
        {
            if (!t[k].Is("among")) continue;
            var caps = new List<string>();
            for (var j = k + 1; j < t.Count && (t[j].IsCapitalised || caps.Count == 0 && t[j].Is("the")); j++)
                if (t[j].IsCapitalised) caps.Add(t[j].Text);
            var joined = string.Join(' ', caps);
            if (Places.IsDemonym(joined)) return joined + " " + noun;
        }
        var numberStart = t[n.Start].Start;
        string? best = null;
        var bestEnd = -1;
        var bestIsActor = false;
        for (var at = 0; at < numberStart;)
        {
            var next = sentence.AsSpan(at, numberStart - at).IndexOfAny(CountryInitials);
            if (next < 0) break;
            at += next;
            var length = CountryAt(sentence, at);
            if (length == 0) { at++; continue; }
            var c = (Index: at, Length: length);
            at += length;
            var end = c.Index + c.Length;
            // Countries come left to right: once one ends past the number, so do all after it.
            if (end > numberStart) break;
            // The country that acts ("North Korea has supplied Russia with 20,000…") beats a nearer object.
            var actor = IsActor(sentence, end);
            if (bestIsActor && !actor) continue;
            if (actor == bestIsActor && (end < bestEnd || end == bestEnd && best is not null && best.Length >= c.Length)) continue;
            if (InsideCue(cues, c.Index)) continue;
            // "troops to Russia", "in Ukraine": a destination or place, not the actor.
            var before = sentence.AsSpan(0, c.Index).TrimEnd();
            if (before.EndsWith(" to", StringComparison.Ordinal) || before.EndsWith(" in", StringComparison.Ordinal) ||
                before.EndsWith(" from", StringComparison.Ordinal) || before.EndsWith(" with", StringComparison.Ordinal) ||
                before.EndsWith(" against", StringComparison.Ordinal) || before.EndsWith(" of", StringComparison.Ordinal)) continue;
            best = sentence.Substring(c.Index, c.Length);
            bestEnd = end;
            bestIsActor = actor;
        }
        return best is null ? null : Places.AdjectiveOf(best) + " " + noun;
    }

    /// <summary>
    /// Length of the country named at <paramref name="at"/> as a whole word (no letter right before or after it), or 0;
    /// of several, the first in <see cref="Places.Countries"/> order, as an alternation of them would match.
    /// </summary>
    private static int CountryAt(string sentence, int at)
    {
        if (at > 0 && char.IsLetter(sentence[at - 1]) || !CountriesByInitial.TryGetValue(sentence[at], out var names)) return 0;
        var rest = sentence.AsSpan(at);
        foreach (var name in names)
        {
            if (rest.StartsWith(name, StringComparison.Ordinal) && (rest.Length == name.Length || !char.IsLetter(rest[name.Length])))
                return name.Length;
        }
        return 0;
    }

    private static bool InsideCue(IReadOnlyList<AttributionCue> cues, int index)
    {
        foreach (var q in cues)
            if (index >= q.SpanStart && index < q.SpanEnd) return true;
        return false;
    }

    private static readonly FrozenSet<string> ActorFollowers =
        ["has", "have", "had", "is", "are", "was", "were", "will", "would", "may", "might", "could", "can", "should",
         "must", "also", "reportedly", "allegedly", "says", "said", "claims", "now", "already", "then", "which", "who"];

    private static bool IsActor(string sentence, int end)
    {
        var rest = sentence.AsSpan(end).TrimStart(',').TrimStart();
        if (rest.StartsWith("'s", StringComparison.Ordinal) || rest.StartsWith("’s", StringComparison.Ordinal)) return true;
        var wordEnd = 0;
        while (wordEnd < rest.Length && char.IsLetter(rest[wordEnd])) wordEnd++;
        var next = rest[..wordEnd].ToString().ToLowerInvariant();
        return ActorFollowers.Contains(next) || FigureLexicon.EventVerbs.ContainsKey(next);
    }

    internal static string SubjectNoun(LearntMeasure m, List<Token> t)
    {
        if (m.Measure == "army size") return "army";
        if (m.Noun == "troops") return "troops";
        if (FigureLexicon.HarmMeasures.Contains(m.Measure) && t.Any(x => FigureLexicon.TroopNouns.Contains(x.Lower) || x.Lower is "ranks" or "military"))
            return "troops";
        return m.Noun;
    }
}
