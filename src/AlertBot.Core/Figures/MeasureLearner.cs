using System.Collections.Frozen;

namespace AlertBot.Core.Figures;

/// <summary>
/// Learns the counted thing of a number from its sentence: the noun phrase after it ("3,000 additional troops"),
/// a noun before it ("casualties at about 4,000", "the army (1.2 million men)"), or a noun elided and carried from
/// context ("300 soldiers killed and 2,700 injured"); then the event verb around it ("were sent", "deployed").
/// No noun, no figure: that is what keeps stray numbers out.
/// </summary>
internal static class MeasureLearner
{
    private static readonly FrozenSet<string> NounBeforeLinks = ["at", "to", "of", "numbering", "numbered", "number", "totalling", "totaling", "totalled", "totaled", "total", "reached", "hit", "topped", "exceeded", "stood"];
    private static readonly FrozenSet<string> LinkVerbs = ["rose", "risen", "stood", "stands", "stand", "is", "was", "were", "are", "climbed", "reached", "increased", "grew", "jumped", "put", "puts", "placed", "has", "had", "now"];
    /// <summary>Verbs that set what they estimate at a number ("put the crowd at 12,000").</summary>
    private static readonly FrozenSet<string> EstimatingVerbs = ["put", "puts", "putting", "placed", "places", "placing", "estimated", "estimates", "estimating", "pegged", "pegs", "pegging"];
    private static readonly FrozenSet<string> Determiners = ["the", "a", "an", "its", "their", "his", "her", "our", "this", "that"];
    private static readonly FrozenSet<string> PluralNouns = ["people", "personnel", "children", "police", "staff", "civilians", "men", "women", "dead", "wounded", "injured", "military"];

    /// <param name="carriedNoun">Noun of the previous figure nearby, for elided nouns.</param>
    public static LearntMeasure? Learn(List<Token> t, NumberSpan n, int qualifierStart, string? carriedNoun, string? carriedDemonym,
        (string Measure, string Noun)? previous = null)
    {
        var quals = new List<string>();
        var k = n.End;
        var strong = n.Strong;
        if (k + 1 < t.Count && t[k].Text == "-" && t[k + 1].Is("strong")) { strong = true; k += 2; }
        if (n.Magnitude is not null && k < t.Count && t[k].Is("of")) k++;

        var mods = new List<Token>();
        var estimated = false;
        string? verb = null;
        var verbIndex = -1;
        for (; k < t.Count && mods.Count < 5 && t[k].IsWord; k++)
        {
            var w = t[k].Lower;
            if (mods.Count == 0 && FigureLexicon.PostQualifiers.TryGetValue(w, out var q)) { quals.Add(q); continue; }
            // "2,200 damaged or destroyed structures"
            if (mods.Count == 0 && verb is null && w.EndsWith("ed", StringComparison.Ordinal) && k + 2 < t.Count && t[k + 1].Lower is "or" or "and" &&
                t[k + 2].Lower.EndsWith("ed", StringComparison.Ordinal) && k + 3 < t.Count && t[k + 3].IsWord && !FigureLexicon.PhraseStops.Contains(t[k + 3].Lower))
            {
                verb = w + " " + t[k + 1].Lower + " " + t[k + 2].Lower;
                k += 2;
                continue;
            }
            // "1.7 million people took to the streets": after a plural noun, a word that is not one ends the phrase.
            if (mods.Count > 0 && IsPlural(mods[^1].Lower) && !w.EndsWith('s') && !IsKnownNoun(w) && !IsParticiple(w)) break;
            if (FigureLexicon.PhraseStops.Contains(w) || w.EndsWith("ly", StringComparison.Ordinal) && w.Length > 4) break;
            if (mods.Count == 0 && FigureLexicon.EventVerbs.TryGetValue(w, out var ev))
            {
                verb = ev;
                verbIndex = k;
                // "300 wounded soldiers": an adjective, the noun follows; "2,700 injured": the noun is elided.
                if (k + 1 < t.Count && t[k + 1].IsWord && !FigureLexicon.PhraseStops.Contains(t[k + 1].Lower) && !IsParticiple(t[k + 1].Lower)) continue;
                break;
            }
            if (mods.Count > 0 && IsParticiple(w))
            {
                if (FigureLexicon.EventVerbs.TryGetValue(w, out var after)) { verb = after; verbIndex = k; }
                else if (!FigureLexicon.NeutralParticiples.Contains(w)) { verb = w; verbIndex = k; }
                break;
            }
            mods.Add(t[k]);
        }
        var npEnd = k;
        Token? head = mods.Count > 0 ? mods[^1] : null;
        var headIndex = head is null ? -1 : npEnd - 1;

        // "troops (320,000 men)", "the army (1.2 million men)": the noun before the parenthesis is counted.
        if (n.Start >= 2 && t[n.Start - 1].Text == "(" && t[n.Start - 2].IsWord && IsKnownNoun(t[n.Start - 2].Lower))
        {
            head = t[n.Start - 2];
            headIndex = n.Start - 2;
            mods.Clear();
            CollectDemonymBefore(t, headIndex, mods);
            strong |= FigureLexicon.ArmyNouns.Contains(head.Value.Lower);
        }
        else if (head is null && verb is null && NounBefore(t, qualifierStart) is { } before)
        {
            head = t[before];
            headIndex = before;
            CollectDemonymBefore(t, before, mods);
            strong |= FigureLexicon.ArmyNouns.Contains(head.Value.Lower);
        }
        else if (head is null && verb is null && EstimatedNoun(t, qualifierStart) is { } estimatedHead)
        {
            // "put the crowd at 12,000": what is estimated is counted, whatever the noun.
            head = t[estimatedHead];
            headIndex = estimatedHead;
            estimated = true;
            mods.Add(t[estimatedHead]);
        }

        string noun;
        string? demonym = Demonym(mods, head);
        if (mods.Any(x => FigureLexicon.NonFigureNouns.Contains(x.Lower))) return null;
        if (head is { } ph && ph.IsCapitalised && ph.Lower.EndsWith('s') && Places.IsDemonym(ph.Text[..^1]))
        {
            // "6.5 million Ukrainians": people of that nationality.
            demonym = ph.Text[..^1];
            head = null;
            noun = "people";
            if (verb is null) (verb, verbIndex) = VerbAfter(t, npEnd);
        }
        else if (head is { } h)
        {
            var lower = h.Lower;
            if (FigureLexicon.NonFigureNouns.Contains(lower) || lower.Length < 3 || h.IsCapitalised && mods.All(m => m.IsCapitalised) && !IsKnownNoun(lower)) return null;
            if (!estimated && !IsKnownNoun(lower) && !lower.EndsWith('s') && !PluralNouns.Contains(lower) && n.Value != 1) return null;
            noun = NormaliseNoun(lower, t);
            if (verb is null) (verb, verbIndex) = VerbAfter(t, npEnd);
        }
        else
        {
            var fromAfter = verb is not null;
            if (verb is null) { (verb, verbIndex) = VerbAfter(t, npEnd); fromAfter = verb is not null; }
            if (verb is null && Without(t, npEnd) is { } lacking) return new LearntMeasure(lacking, carriedNoun ?? "people", null, quals);
            if (verb is null && TallyReader.Before(t, qualifierStart, previous) is { } tally)
                return new LearntMeasure(tally.Measure, tally.Noun, carriedDemonym, quals);
            // "killed 45 people and injured 79": the verb comes first, the noun is the neighbour's.
            if (verb is null && VerbBefore(t, qualifierStart) is { } early && qualifierStart > 0) verb = early.Verb;
            if (verb is null) return null;
            // Harm needs no noun ("at least 180 more were wounded"); a passive right after the number carries the
            // neighbour's noun ("968 were hospitalized"); "the bill passed 398 to 20" carries nothing.
            if (FigureLexicon.HarmMeasures.Contains(verb)) noun = carriedNoun ?? "people";
            else if (carriedNoun is not null && (IsLexiconVerb(verb) || fromAfter)) noun = carriedNoun;
            else return null;
            demonym = carriedNoun is null ? null : carriedDemonym;
        }
        var future = verbIndex > 0 && IsFuture(t, verbIndex);
        // "the deaths of 11,700 civilians"
        if (verb is null && qualifierStart >= 2 && t[qualifierStart - 1].Is("of") && t[qualifierStart - 2].Lower is "deaths" or "death" or "killing" or "killings" or "bodies")
            verb = "killed";
        if (verb is null && !estimated && VerbBefore(t, headIndex >= 0 && headIndex < n.Start ? headIndex : qualifierStart) is { } vb)
        {
            verb = vb.Verb;
            future = vb.Future;
        }
        if (verb is not null && verbIndex >= 0 && verbIndex + 2 < t.Count && t[verbIndex + 1].Lower is "or" or "and" &&
            FigureLexicon.EventVerbs.TryGetValue(t[verbIndex + 2].Lower, out var second) && second != verb &&
            FigureLexicon.HarmMeasures.Contains(second) && FigureLexicon.HarmMeasures.Contains(verb))
            verb = "casualties";

        // "1,000 dead or wounded"
        if (head is { } hh && FigureLexicon.MeasureNouns.TryGetValue(hh.Lower, out var hm) && FigureLexicon.HarmMeasures.Contains(hm) &&
            npEnd + 1 < t.Count && t[npEnd].Lower is "or" or "and" && FigureLexicon.MeasureNouns.TryGetValue(t[npEnd + 1].Lower, out var hm2) &&
            hm2 != hm && FigureLexicon.HarmMeasures.Contains(hm2))
            verb = "casualties";
        if (n.Spelled && n.Magnitude is null && n.Value < 100 && verb is null && !FigureLexicon.MeasureNouns.ContainsKey(noun)) return null;
        var measure = Compose(noun, mods, verb, future, strong);
        return measure is null ? null : new LearntMeasure(measure, noun, demonym, quals);
    }

    internal static string? Compose(string noun, List<Token> mods, string? verb, bool future, bool strong)
    {
        if (strong && (noun == "troops" || FigureLexicon.ArmyNouns.Contains(noun))) return "army size";
        if (FigureLexicon.ArmyNouns.Contains(noun)) return "army size";
        if (verb == "lost" && (noun is "troops" or "people" || FigureLexicon.ArmyNouns.Contains(noun))) return "casualties";
        if (verb is not null && FigureLexicon.HarmMeasures.Contains(verb)) return verb;
        if (FigureLexicon.MeasureNouns.TryGetValue(noun, out var m)) return m;
        var baseNoun = noun == "troops" ? noun : string.Join(' ', mods.Take(mods.Count - 1)
            .Where(x => !x.IsCapitalised && !FigureLexicon.PostQualifiers.ContainsKey(x.Lower)).Select(x => x.Lower).Append(noun));
        if (verb is null) return baseNoun;
        if (verb == "in training") return baseNoun + " in training";
        return future ? baseNoun + " to be " + verb : baseNoun + " " + verb;
    }

    private static bool IsKnownNoun(string lower) =>
        FigureLexicon.TroopNouns.Contains(lower) || FigureLexicon.ArmyNouns.Contains(lower) || FigureLexicon.MeasureNouns.ContainsKey(lower) ||
        FigureLexicon.SeatHolders.Contains(lower);

    private static bool IsPlural(string lower) => lower.EndsWith('s') && lower.Length >= 3 || PluralNouns.Contains(lower);

    private static string NormaliseNoun(string lower, List<Token> t)
    {
        if (lower == "men")
            return t.Any(x => FigureLexicon.TroopNouns.Contains(x.Lower) && x.Lower != "men" || FigureLexicon.ArmyNouns.Contains(x.Lower) || FigureLexicon.UnitNouns.Contains(x.Lower)) ? "troops" : "men";
        if (FigureLexicon.TroopNouns.Contains(lower)) return "troops";
        if (FigureLexicon.SeatHolders.Contains(lower)) return "seats";
        return lower;
    }

    private static string MapVerb(string w) => FigureLexicon.EventVerbs.TryGetValue(w, out var v) ? v : w;

    private static bool IsParticiple(string w) =>
        FigureLexicon.EventVerbs.ContainsKey(w) || FigureLexicon.NeutralParticiples.Contains(w) || w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4;

    private static (string? Verb, int Index) VerbAfter(List<Token> t, int from)
    {
        var limit = from + 7;
        for (var k = from; k < t.Count && k < limit; k++)
        {
            // "12,000 troops, including 500 officers, had been sent": the aside is skipped.
            if (t[k].Text == "," && k + 1 < t.Count && t[k + 1].Lower is "including" or "among" or "mostly" or "many")
            {
                var close = k + 1;
                while (close < t.Count && t[close].Text is not ("," or "." or ";")) close++;
                if (close >= t.Count || t[close].Text != ",") return (null, -1);
                limit += close - k + 1;
                k = close;
                continue;
            }
            if (!t[k].IsWord) break;
            var w = t[k].Lower;
            if (FigureLexicon.EventVerbs.TryGetValue(w, out var v) && !(w == "training" && k > from && t[k - 1].Is("of"))) return (v, k);
            // "33,000 workers are on strike"
            if (w == "on" && k + 1 < t.Count && t[k + 1].Is("strike")) return ("on strike", k);
            // "10,000 people remain missing": "remain" links like "are".
            if (FigureLexicon.Auxiliaries.Contains(w) || w.EndsWith("ly", StringComparison.Ordinal) || w is "remain" or "remains" or "remained") continue;
            // An open-ended passive: "2,000 homes were destroyed", "40 miners were trapped".
            if (k > from && t[k - 1].Lower is "were" or "been" or "was" or "are" or "is" or "being" && IsParticiple(w) && !FigureLexicon.NeutralParticiples.Contains(w)) return (w, k);
            return (null, -1);
        }
        return (null, -1);
    }

    // "1,678,563 remain without power", "were still without water"
    private static string? Without(List<Token> t, int k)
    {
        while (k < t.Count && t[k].IsWord && (t[k].Lower is "remain" or "remained" or "remains" or "were" or "are" or "was" or "is" or "left" or "still" or "now")) k++;
        return k + 1 < t.Count && t[k].Is("without") && t[k + 1].IsWord && !FigureLexicon.PhraseStops.Contains(t[k + 1].Lower) ? "without " + t[k + 1].Lower : null;
    }

    private static bool IsFuture(List<Token> t, int verbIndex)
    {
        for (var k = verbIndex - 1; k >= 0 && k >= verbIndex - 5 && t[k].IsWord; k--)
        {
            if (FigureLexicon.FutureMarkers.Contains(t[k].Lower)) return true;
            if (!FigureLexicon.Auxiliaries.Contains(t[k].Lower)) return false;
        }
        return false;
    }

    private static (string Verb, bool Future)? VerbBefore(List<Token> t, int index)
    {
        var k = index - 1;
        // "killing 19 children and six adults": the second number shares the verb of the first.
        if (k > 0 && t[k].Lower is "and" or "or")
        {
            var j = k - 1;
            while (j > 0 && j > k - 6 && !t[j].IsNumber) j--;
            if (j > 0 && t[j].IsNumber && j < k - 1) return VerbBefore(t, QualifierReader.Before(t, j).Start);
        }
        while (k >= 0 && t[k].Lower is "a" or "an" or "the" or "some" or "its" or "their") k--;
        if (k < 0 || !t[k].IsWord) return null;
        if (!FigureLexicon.EventVerbs.TryGetValue(t[k].Lower, out var v))
        {
            // An open-ended transitive verb: "destroyed some 2,000 buildings".
            var w = t[k].Lower;
            if (!w.EndsWith("ed", StringComparison.Ordinal) || w.Length < 5 || FigureLexicon.NeutralParticiples.Contains(w) || AttributionVerb(w)) return null;
            return (w, false);
        }
        if (v is "in training" or "killed" or "injured" && t[k].Lower is "training" or "train" or "kill" or "injure") return null;
        return (v, IsFuture(t, k) || k > 0 && t[k - 1].Lower is "to" or "will");
    }

    private static bool IsLexiconVerb(string verb) => FigureLexicon.EventMeasures.Contains(verb) || verb == "casualties";

    private static bool AttributionVerb(string w) =>
        w is "reported" or "estimated" or "indicated" or "suggested" or "stated" or "announced" or "claimed" or "assessed" or "warned" or "added" or "noted" or "revealed" or "disclosed" or "acknowledged" or "concluded" or "calculated" or "counted" or "tallied" or "echoed" or "corroborated" or "confirmed" or "numbered";

    private static int? NounBefore(List<Token> t, int qualifierStart)
    {
        var k = qualifierStart - 1;
        if (k < 1 || !NounBeforeLinks.Contains(t[k].Lower)) return null;
        // "brings the total number of North Korean troops in Russia to around 14,000"
        for (var b = k - 2; b >= 1 && b >= k - 10; b--)
        {
            if (!(t[b].Is("of") && t[b - 1].Lower is "number" or "total" or "tally" or "count")) continue;
            for (var a = b + 1; a < k; a++)
                if (t[a].IsWord && IsKnownNoun(t[a].Lower)) return a;
            break;
        }
        for (var b = k - 1; b >= 0 && b >= k - 3; b--)
        {
            if (!t[b].IsWord) return null;
            if (IsKnownNoun(t[b].Lower)) return b;
            if (!LinkVerbs.Contains(t[b].Lower) && !t[b].Lower.EndsWith("ed", StringComparison.Ordinal)) return null;
        }
        return null;
    }

    /// <summary>"put the crowd at 12,000", "estimated the turnout at": the head of the noun phrase an estimating verb sets at the number.</summary>
    private static int? EstimatedNoun(List<Token> t, int qualifierStart)
    {
        var k = qualifierStart - 1;
        if (k < 2 || !t[k].Is("at") || !t[k - 1].IsWord || t[k - 1].IsCapitalised || FigureLexicon.PhraseStops.Contains(t[k - 1].Lower)) return null;
        for (var b = k - 2; b >= 0 && b >= k - 5; b--)
        {
            if (!t[b].IsWord) return null;
            if (EstimatingVerbs.Contains(t[b].Lower)) return b < k - 1 ? k - 1 : null;
            if (t[b].IsCapitalised || FigureLexicon.PhraseStops.Contains(t[b].Lower) && !Determiners.Contains(t[b].Lower)) return null;
        }
        return null;
    }

    private static void CollectDemonymBefore(List<Token> t, int headIndex, List<Token> mods)
    {
        var b = headIndex - 1;
        while (b >= 0 && t[b].IsCapitalised && headIndex - b <= 3) b--;
        for (var k = b + 1; k <= headIndex; k++) mods.Add(t[k]);
    }

    private static string? Demonym(List<Token> mods, Token? head)
    {
        var count = 0;
        while (count < mods.Count && mods[count].IsCapitalised && (head is null || mods[count] != head.Value)) count++;
        if (count == 0) return null;
        var joined = count == 1 ? mods[0].Text : string.Join(' ', mods.GetRange(0, count).Select(m => m.Text));
        return Places.IsDemonym(joined) ? joined : null;
    }
}
