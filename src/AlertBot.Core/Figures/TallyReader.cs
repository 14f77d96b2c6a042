using System.Collections.Frozen;

namespace AlertBot.Core.Figures;

/// <summary>
/// A number linked back to what it counts: "the death toll rose to 2,946", "the number of dead in Derna has leapt
/// to 11,300", "taking the number of deaths … to 13", "Deaths from the wildfires rose to 93", "Registered voters
/// numbered 93,469,008", "put the figure at 113" (the figure is the previous measure).
/// </summary>
internal static class TallyReader
{
    private static readonly FrozenSet<string> LinkWords =
        ["to", "at", "numbered", "numbering", "totalled", "totaled", "totalling", "totaling", "reached", "reach", "reaches", "hit", "hits",
         "topped", "exceeded", "passed", "—", "–", ":", "is", "was", "stands", "stood"];

    /// <summary>Verbs that move or state a tally: "rose to", "has leapt to", "came to", "taking … to", "put … at".</summary>
    private static readonly FrozenSet<string> CountVerbs =
        ["came", "come", "comes", "rose", "risen", "rises", "rise", "climbed", "climbs", "climb", "jumped", "jumps", "leapt", "leaped", "fell",
         "fallen", "increased", "increases", "grew", "grown", "soared", "surged", "reached", "reach", "stood", "stands", "numbered", "totalled",
         "totaled", "amounted", "went", "gone", "shot", "hit", "hits", "takes", "took", "taking", "take", "brings", "brought", "bringing",
         "bring", "puts", "put", "putting", "placed", "places", "is", "was", "stand", "climbing", "rising", "reaching", "pushed", "pushing"];

    private const int Window = 16;

    /// <param name="previous">The measure of the figure before, for "the figure" and "the toll" that refer to it.</param>
    public static (string Measure, string Noun)? Before(List<Token> t, int qualStart, (string Measure, string Noun)? previous)
    {
        var k = qualStart - 1;
        if (k < 1 || !LinkWords.Contains(t[k].Lower)) return null;
        var verbLink = !(t[k].Lower is "to" or "at" or "—" or "–" or ":");
        // "took the most votes — 8,794,726", "vote share: 36"
        if (t[k].Text is "—" or "–" or ":")
            return t[k - 1].IsWord && FigureLexicon.MeasureNouns.TryGetValue(t[k - 1].Lower, out var named) ? (named, t[k - 1].Lower) : null;
        for (var b = k - 1; b >= 0 && b >= k - Window; b--)
        {
            var tok = t[b];
            if (tok.IsNumber || tok.Text is ";" or "." or "?" or "!") return null;
            if (!tok.IsWord) continue;
            var w = tok.Lower;
            if (!verbLink && !HasCountVerb(t, Math.Max(0, b - 3), k)) continue;
            if (FigureLexicon.TallyNouns.Contains(w))
            {
                // "the total number of …": the head is "number"; "in total" is not a tally head.
                if (b > 0 && t[b - 1].Is("in")) continue;
                return Tally(t, b, k, previous);
            }
            if (FigureLexicon.MeasureNouns.TryGetValue(w, out var measure) && b + 1 < k && !t[b + 1].Is("of"))
                return (measure, w);
        }
        return ClauseSubject(t, k, verbLink);
    }

    /// <summary>"Registered voters numbered …", "Votes cast came to …", "Dengue cases rose to …": a plural noun opening the clause.</summary>
    private static (string Measure, string Noun)? ClauseSubject(List<Token> t, int k, bool verbLink)
    {
        var start = k - 1;
        while (start > 0 && t[start - 1].Text is not ("," or "—" or ";") && k - start < Window) start--;
        if (!verbLink && !HasCountVerb(t, start, k)) return null;
        for (var b = start; b < Math.Min(k, start + 3); b++)
        {
            var w = t[b].Lower;
            if (!t[b].IsWord || !w.EndsWith('s') || w.Length <= 3 || FigureLexicon.NonFigureNouns.Contains(w) || FigureLexicon.PhraseStops.Contains(w) ||
                FigureLexicon.PlaceNouns.Contains(w) || t[b].IsCapitalised && b > start) continue;
            var after = b + 1 < k && t[b + 1].IsWord && (t[b + 1].Lower.EndsWith("ed", StringComparison.Ordinal) || t[b + 1].Is("cast")) ? " " + t[b + 1].Lower : "";
            var before = b > start && t[b - 1].IsWord && t[b - 1].Lower.EndsWith("ed", StringComparison.Ordinal) ? t[b - 1].Lower + " " : "";
            if (FigureLexicon.MeasureNouns.TryGetValue(w, out var named) && before.Length == 0 && after.Length == 0) return (named, w);
            return (before + w + after, w);
        }
        return null;
    }

    private static bool HasCountVerb(List<Token> t, int from, int to)
    {
        for (var i = from; i < to; i++)
            if (t[i].IsWord && CountVerbs.Contains(t[i].Lower)) return true;
        return false;
    }

    private static (string Measure, string Noun)? Tally(List<Token> t, int head, int link, (string Measure, string Noun)? previous)
    {
        var w = t[head].Lower;
        // "death toll", "flood death toll", "injury toll"
        if (w == "toll")
        {
            if (head > 0 && t[head - 1].Lower is "injury" or "injuries" or "injured") return ("injured", "people");
            return ("killed", "people");
        }
        var next = head + 1 < link ? t[head + 1] : default;
        // "the number killed by the floods", "the number dead"
        if (next.Text is not null && next.IsWord && FigureLexicon.EventVerbs.TryGetValue(next.Lower, out var verb) && FigureLexicon.HarmMeasures.Contains(verb))
            return (verb, "people");
        if (next.Text is not null && next.Is("of"))
        {
            var k = head + 2;
            while (k < link && t[k].Lower is "the" or "those" or "people" or "persons") k++;
            if (k < link && t[k].IsWord)
            {
                var x = t[k].Lower;
                if (FigureLexicon.MeasureNouns.TryGetValue(x, out var m)) return (m, x);
                if (FigureLexicon.EventVerbs.TryGetValue(x, out var v) && FigureLexicon.HarmMeasures.Contains(v)) return (v, "people");
                if (x.EndsWith('s') && !FigureLexicon.NonFigureNouns.Contains(x) && !FigureLexicon.PlaceNouns.Contains(x)) return (FigureLexicon.TroopNouns.Contains(x) ? "troops" : x, x);
            }
            if (k < link && t[k - 1].Is("people") && t[k].IsWord && FigureLexicon.EventVerbs.TryGetValue(t[k].Lower, out var pv)) return (pv, "people");
            return null;
        }
        // "the figure", "the total": whatever the previous figure measured.
        return previous;
    }
}
