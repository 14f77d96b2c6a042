using System.Collections.Frozen;

namespace AlertBot.Core.Figures;

/// <summary>
/// What money or a percentage measures, learnt from its sentence like a count's noun: the phrase after it
/// ("€50 billion package", "Rs 1,200 crore in flood relief", "37% of the vote"), a noun it is linked to before it
/// ("turnout is at 59 per cent", "put its losses at Rs 38,000 crore"), or the verb that moves it ("cleared
/// Rs 669.85 crore", "46.3% walked out"). No measure, no figure: prices, discounts and "100% sure" stay out.
/// </summary>
internal static class AmountMeasure
{
    private static readonly FrozenSet<string> Determiners = ["the", "a", "an", "those", "these", "this", "that", "its", "their", "his", "her", "our", "all", "some"];

    /// <summary>Nouns that make even a small sum a story's figure (a fine, a ransom), not a price.</summary>
    private static readonly FrozenSet<string> SmallSumNouns = ["fine", "fines", "damages", "compensation", "ransom", "reward", "bail", "settlement", "bounty", "penalty"];

    /// <summary>What a percentage of these is: page furniture ("65% of this article left to read").</summary>
    private static readonly FrozenSet<string> FurnitureNouns = ["article", "story", "page", "text", "content", "post", "video"];

    /// <summary>A percentage that compares ("8 per cent lower than in 2019") or qualifies ("20% off", "100% sure").</summary>
    private static readonly FrozenSet<string> ComparisonWords =
        ["lower", "higher", "more", "less", "fewer", "up", "down", "off", "discount", "sure", "certain", "chance", "likely", "vs", "versus", "compared", "above", "below", "increase", "rise", "drop", "fall", "decline", "cut", "stake"];

    private static readonly FrozenSet<string> Links = ["at", "to", "of", "worth", "was", "is", "stood", "stands", "reached", "hit", "topped", "totalling", "totaling", "estimated", "valued", ":"];

    private static readonly FrozenSet<string> MoveVerbs = ["takes", "took", "taking", "take", "brings", "brought", "bringing", "bring", "puts", "put", "putting", "raises", "raised", "raising", "pushes", "pushed", "pushing", "lifts", "lifted", "lifting"];

    /// <summary>Verbs that move a rate to its new level ("rose to", "climbed to", "fell to").</summary>
    private static readonly FrozenSet<string> RateVerbs =
        ["rose", "risen", "rises", "climbed", "climbs", "jumped", "jumps", "increased", "increases", "grew", "fell", "falls", "fallen", "dropped",
         "drops", "declined", "declines", "surged", "soared", "slipped", "edged", "eased", "dipped"];

    private static readonly FrozenSet<string> ShareVerbs = ["won", "took", "got", "polled", "secured", "received", "garnered", "on", "with", "at", "had", "has"];

    public static string? Learn(List<Token> t, Amount a, int qualStart, string? carried)
    {
        var m = a.IsMoney ? Money(t, a, qualStart, carried) : Percent(t, a, qualStart, carried);
        return m is null ? null : m + " (" + (a.Unit == "percentage points" ? "percentage points" : a.Unit) + ")";
    }

    private static string? Money(List<Token> t, Amount a, int qualStart, string? carried)
    {
        var k = SkipParenthesis(t, a.End);
        string? measure = qualStart > 0 && t[qualStart - 1].Lower is "cost" or "costs" or "costing" ? "cost" : null;
        // "in flood relief", "in damages": a bare noun phrase says what the money is; "in a report" does not.
        if (k + 1 < t.Count && (t[k].Lower is "of" or "worth" || t[k].Is("in") && !Determiners.Contains(t[k + 1].Lower))) measure ??= Phrase(t, k + 1, out _);
        measure ??= Phrase(t, k, out _);
        measure ??= VerbAfter(t, k);
        measure ??= LinkedBefore(t, qualStart);
        measure ??= VerbBefore(t, qualStart);
        // "₹9044.80 crore to 21 states, ₹4528.66 crore to 15 states and …": a list continues the first sum's measure.
        if (measure is null && carried is not null && Continues(t, qualStart)) measure = carried;
        if (measure is null) return null;
        if (a.Number.Value < 100_000 && !measure.Split(' ').Any(SmallSumNouns.Contains)) return null;
        return measure;
    }

    private static string? Percent(List<Token> t, Amount a, int qualStart, string? carried)
    {
        var k = a.End;
        if (k < t.Count && t[k].IsWord && ComparisonWords.Contains(t[k].Lower)) return null;
        if (k < t.Count && t[k].Is("of"))
        {
            var phrase = Phrase(t, k + 1, out var end);
            if (phrase is null || phrase.Split(' ').Any(FurnitureNouns.Contains)) return null;
            var verb = VerbAfter(t, end);
            return verb is null ? phrase : phrase + " " + verb;
        }
        // "public-sector employees (28%) were striking"
        if (a.Start > 0 && t[a.Start - 1].Text == "(" && k < t.Count && t[k].Text == ")")
        {
            var noun = NounEndingAt(t, a.Start - 2);
            var verb = VerbAfter(t, k + 1);
            if (noun is not null) return verb is null ? noun : noun + " " + verb;
        }
        if (VerbAfter(t, k) is { } after) return after;
        // "the unemployment rate fell by 0.5 percentage points": a change of what moved, apart from its level.
        if (qualStart > 1 && t[qualStart - 1].Is("by") && RateVerbs.Contains(t[qualStart - 2].Lower) && NounEndingAt(t, qualStart - 3) is { } moved)
            return moved + " " + t[qualStart - 2].Lower;
        if (qualStart > 0 && t[qualStart - 1].Is("by") && qualStart > 2 && t[qualStart - 3].IsWord && t[qualStart - 2].IsWord)
            return t[qualStart - 3].Lower + " " + t[qualStart - 2].Lower; // "raised pay by 25 per cent"
        if (LinkedBefore(t, qualStart) is { } linked) return linked;
        if (carried is not null && (qualStart == 0 || t[qualStart - 1].IsWord && ShareVerbs.Contains(t[qualStart - 1].Lower) || Continues(t, qualStart)))
            return carried;
        return qualStart > 0 && t[qualStart - 1].IsWord && ShareVerbs.Contains(t[qualStart - 1].Lower) ? "share" : null;
    }

    private static bool Continues(List<Token> t, int qualStart) =>
        qualStart > 0 && (t[qualStart - 1].Text is "," or ":" or ";" || t[qualStart - 1].Lower is "and" or "while" or "whereas" or "against" or "but");

    private static int SkipParenthesis(List<Token> t, int k)
    {
        if (k >= t.Count || t[k].Text != "(") return k;
        var close = k + 1;
        while (close < t.Count && close < k + 12 && t[close].Text != ")") close++;
        return close < t.Count && t[close].Text == ")" ? close + 1 : k;
    }

    /// <summary>A lower-case noun phrase from <paramref name="k"/> (determiners and possessives skipped), up to four words.</summary>
    internal static string? Phrase(List<Token> t, int k, out int end)
    {
        while (k < t.Count && t[k].IsWord && (Determiners.Contains(t[k].Lower) || t[k].Lower.EndsWith("'s", StringComparison.Ordinal))) k++;
        var words = new List<string>();
        for (; k < t.Count && words.Count < 4 && t[k].IsWord && !t[k].IsCapitalised; k++)
        {
            var w = t[k].Lower;
            if (FigureLexicon.PhraseStops.Contains(w) || NumberParser.IsNumberWord(w)) break;
            if (words.Count > 0 && IsVerbForm(w) || FigureLexicon.Auxiliaries.Contains(w)) break;
            words.Add(w);
        }
        end = k;
        if (words.Count == 0 || words[0].EndsWith("ed", StringComparison.Ordinal) || FigureLexicon.Auxiliaries.Contains(words[0]) || FigureLexicon.NonFigureNouns.Contains(words[^1])) return null;
        // "package of aid", "package of support": the complement says what the package is.
        if (k + 1 < t.Count && t[k].Is("of") && t[k + 1].IsWord && !t[k + 1].IsCapitalised && !FigureLexicon.PhraseStops.Contains(t[k + 1].Lower))
        {
            words.Add("of");
            words.Add(t[k + 1].Lower);
            end = k + 2;
        }
        return string.Join(' ', words);
    }

    private static bool IsVerbForm(string w) =>
        FigureLexicon.Auxiliaries.Contains(w) || w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4 || w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5;

    /// <summary>"has been sanctioned", "walked out", "had voted for a walkout", "were striking", "were on strike".</summary>
    private static string? VerbAfter(List<Token> t, int k)
    {
        while (k < t.Count && t[k].IsWord && FigureLexicon.Auxiliaries.Contains(t[k].Lower) && t[k].Lower is not ("to" or "about")) k++;
        if (k >= t.Count || !t[k].IsWord || FigureLexicon.PhraseStops.Contains(t[k].Lower) && !t[k].Is("on")) return null;
        var w = t[k].Lower;
        if (w == "on" && k + 1 < t.Count && t[k + 1].Is("strike")) return "on strike";
        if (!(w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("ing", StringComparison.Ordinal) || w is "walked" or "went" or "struck" or "voted") || w.Length < 4 ||
            FigureLexicon.NeutralParticiples.Contains(w)) return null;
        if (k + 1 < t.Count && t[k + 1].Lower is "out" or "off" or "up" or "down" or "away") return w + " " + t[k + 1].Lower;
        return w;
    }

    /// <summary>"turnout is at 59 per cent", "vote share: 36 per cent", "put its losses at Rs 38,000 crore", "takes total assistance to …".</summary>
    private static string? LinkedBefore(List<Token> t, int qualStart)
    {
        var k = qualStart - 1;
        if (k < 1 || !(Links.Contains(t[k].Lower) || t[k].Text == ":")) return null;
        // "takes the Centre's total assistance to the state to Rs 1,869 crore": the phrase after the moving verb.
        for (var b = k - 1; b >= 0 && b >= k - 10; b--)
        {
            if (!t[b].IsWord) break;
            if (MoveVerbs.Contains(t[b].Lower)) return Phrase(t, b + 1, out _);
        }
        var j = t[k].Is("to") ? ChangeBy(t, k) : k - 1;
        // "unemployment rose to 27 per cent", "the positivity rate climbed to 12.4%": the rate is the noun before the change.
        while (j >= 0 && t[j].IsWord && (Links.Contains(t[j].Lower) || FigureLexicon.Auxiliaries.Contains(t[j].Lower) || t[j].Lower is "now" or "currently" ||
               RateVerbs.Contains(t[j].Lower) && t[k].Is("to"))) j--;
        return NounEndingAt(t, j);
    }

    /// <summary>
    /// "the rate fell by 0.5 percentage points to 4.1 per cent": the size of the change ("by" and its amount) is skipped,
    /// so the level keeps the measure of what changed. Returns the index of the verb when there is one, else the token before "to".
    /// </summary>
    private static int ChangeBy(List<Token> t, int to)
    {
        for (var b = to - 1; b >= 1 && b >= to - 6; b--)
        {
            if (t[b].Text is "," or ";" or "(" or ")") break;
            if (!t[b].Is("by")) continue;
            var hasNumber = false;
            for (var x = b + 1; x < to; x++) hasNumber |= t[x].IsNumber;
            return hasNumber && RateVerbs.Contains(t[b - 1].Lower) ? b - 1 : to - 1;
        }
        return to - 1;
    }

    private static string? NounEndingAt(List<Token> t, int j)
    {
        if (j < 0 || !t[j].IsWord || t[j].IsCapitalised && j > 0 || FigureLexicon.PhraseStops.Contains(t[j].Lower) || IsVerbForm(t[j].Lower)) return null;
        var start = j;
        while (start - 1 >= 0 && j - start < 2 && t[start - 1].IsWord && !t[start - 1].IsCapitalised && !FigureLexicon.PhraseStops.Contains(t[start - 1].Lower) &&
               !Determiners.Contains(t[start - 1].Lower) && !IsVerbForm(t[start - 1].Lower) && !t[start - 1].Lower.EndsWith("'s", StringComparison.Ordinal)) start--;
        // "a package of support worth …": the head the complement belongs to.
        if (start >= 2 && t[start - 1].Is("of") && t[start - 2].IsWord && !t[start - 2].IsCapitalised && !FigureLexicon.PhraseStops.Contains(t[start - 2].Lower) &&
            !IsVerbForm(t[start - 2].Lower)) start -= 2;
        return string.Join(' ', t.Skip(start).Take(j - start + 1).Select(x => x.Lower));
    }

    /// <summary>"cleared Rs 669.85 crore", "disbursed ₹9044.80 crore", "will cost an estimated $5.5 billion".</summary>
    private static string? VerbBefore(List<Token> t, int qualStart)
    {
        var k = qualStart - 1;
        while (k >= 0 && t[k].IsWord && t[k].Lower is "a" or "an" or "the" or "another" or "further" or "additional") k--;
        if (k < 0 || !t[k].IsWord) return null;
        var w = t[k].Lower;
        if (w is "cost" or "costs" or "costing") return "cost";
        return w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4 && !FigureLexicon.NeutralParticiples.Contains(w) ? w : null;
    }
}
