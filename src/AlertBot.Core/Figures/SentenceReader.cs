using System.Collections.Frozen;

namespace AlertBot.Core.Figures;

/// <summary>Reads the figures of one sentence, using and updating what earlier sentences established.</summary>
internal static class SentenceReader
{
    private static readonly FrozenSet<string> Anaphors = ["this", "that", "these", "it", "they", "he", "she", "the", "such"];

    public static void Read(string sentence, ExtractionState state)
    {
        // A sentence without a number only hands its noun and claimant to the next sentence that has one: it waits
        // until such a sentence comes (most never see one: an article's figures are in its lead).
        if (!NumberParser.MayHaveNumber(sentence)) { state.Pending.Add(sentence); return; }
        var t = state.Tokens;
        FigureTokenizer.Tokenize(sentence, t);
        if (!HasNumber(t)) { state.Pending.Add(sentence); return; }
        RememberPending(state);
        var cues = AttributionFinder.Find(sentence, t);
        string? sentenceNoun = null, sentenceDemonym = null;
        string? lastClaimant = null;
        string? sentenceShare = null, sentenceMoney = null;
        (string Measure, string Noun)? sentenceMeasure = null;
        List<string>? previousQualifiers = null;
        IReadOnlyList<(int Index, int Length, string Value)>? times = null;
        for (var i = 0; i < t.Count; i++)
        {
            var n = NumberParser.TryParse(t, i);
            if (n is null) continue;
            i = n.End - 1;
            if (AmountReader.Read(t, n) is { } amount)
            {
                i = amount.End - 1;
                var (amountStart, amountQuals) = QualifierReader.Before(t, amount.Start);
                var carriedMeasure = amount.IsMoney ? sentenceMoney : sentenceShare ?? state.PreviousShare;
                if (AmountMeasure.Learn(t, amount, amountStart, carriedMeasure) is not { } measure) continue;
                var bare = measure[..measure.LastIndexOf(" (", StringComparison.Ordinal)];
                if (amount.IsMoney) sentenceMoney = bare;
                else sentenceShare = bare;
                state.Add(new Figure
                {
                    Value = amount.Number.Value,
                    ValueHigh = amount.Number.High,
                    Unit = amount.Unit,
                    Measure = measure,
                    Qualifier = amountQuals.Count == 0 ? null : string.Join("; ", amountQuals),
                    ClaimedBy = Claimant(sentence, t, amount.Number, cues, state),
                    When = TimeExpressions.Nearest(times ??= TimeExpressions.Find(sentence), t[amount.Start].Start),
                    Quote = sentence,
                });
                continue;
            }
            if (DistractorRules.Reason(t, n) is not null) continue;
            var (qualStart, quals) = QualifierReader.Before(t, n.Start);
            if (n.Spelled && n.Magnitude is null && qualStart > 0 && FigureLexicon.ReferenceDeterminers.Contains(t[qualStart - 1].Lower)) continue;
            var carried = sentenceNoun ?? KnownNounBefore(t, n.Start) ?? state.PreviousNoun;
            var m = MeasureLearner.Learn(t, n, qualStart, carried, sentenceNoun is null ? state.PreviousDemonym : sentenceDemonym, sentenceMeasure ?? state.PreviousMeasure);
            // "counted 480,000", "against nearly 2 million by the CGT's count": a bare large number continues the measure before it.
            if (m is null && n.Value >= 100 && !(n.Bare && n.Value is >= 1800 and <= 2100) && (sentenceMeasure ?? state.PreviousMeasure) is { } continued && ContinuesMeasure(t, qualStart, n.End))
                m = new LearntMeasure(continued.Measure, continued.Noun, null, []);
            // "police said 12,000 people marched, while organisers said 40,000 (took part)": a second claim elides what it counts.
            if (m is null && sentenceMeasure is { } counted && n.Value >= 100 && !(n.Bare && n.Value is >= 1800 and <= 2100) && ClaimedRightBefore(t, cues, qualStart))
                m = new LearntMeasure(counted.Measure, counted.Noun, sentenceDemonym, []);
            if (m is null) continue;
            // "in 38 Russian cities", "to 21 states", "all 27 leaders", "the 13 flood-hit states": where, or a known group, not a count.
            if (n.Magnitude is null && n.Value < 100 && qualStart > 0 && quals.Count == 0 &&
                (t[qualStart - 1].Lower is "in" or "to" or "across" or "from" or "into" or "throughout" && FigureLexicon.PlaceNouns.Contains(m.Noun) ||
                 t[qualStart - 1].Lower is "all" or "the" or "of" or "its" or "their" && !FigureLexicon.HarmMeasures.Contains(m.Measure))) continue;
            // "from 12 districts", "in 3 cities": a small count after a preposition describes the scene, not the story.
            if (quals.Count == 0 && n.Magnitude is null && n.Value < 100 && qualStart > 0 && t[qualStart - 1].Lower is "from" or "in" or "across" or "into" or "over" &&
                m.Measure == m.Noun) continue;

            // "around 300 killed and 2,700 injured": a coordinated number shares the qualifier.
            if (quals.Count == 0 && previousQualifiers is { Count: > 0 } && qualStart > 0 && t[qualStart - 1].Lower is "and" or "or")
                quals = previousQualifiers.Where(q => q != "additional").ToList();
            previousQualifiers = quals;
            var qualifiers = quals.Concat(m.Qualifiers).Distinct().ToList();
            if (n.Magnitude is not null) qualifiers.Add(n.Magnitude);
            var subject = SubjectFinder.Find(sentence, t, n, m, cues) ?? state.MainSubject(SubjectFinder.SubjectNoun(m, t));
            // "North Korea has suffered 1,000 casualties": the harm is to the main subject's troops when the country matches.
            if (subject is not null && FigureLexicon.HarmMeasures.Contains(m.Measure) && !subject.EndsWith(" troops", StringComparison.Ordinal) &&
                state.MainSubject("troops") is { } troops && troops.StartsWith(subject[..(subject.LastIndexOf(' ') + 1)], StringComparison.Ordinal) && subject.Contains(' ', StringComparison.Ordinal))
                subject = troops;
            var claimant = Claimant(sentence, t, n, cues, state);
            lastClaimant ??= claimant;
            state.Add(new Figure
            {
                Value = n.Value,
                ValueHigh = n.High,
                Measure = m.Measure,
                Subject = subject,
                Qualifier = qualifiers.Count == 0 ? null : string.Join("; ", qualifiers),
                ClaimedBy = claimant,
                When = TimeExpressions.Nearest(times ??= TimeExpressions.Find(sentence), t[n.Start].Start),
                Quote = sentence,
            });
            sentenceNoun = m.Noun;
            sentenceDemonym = m.Demonym;
            sentenceMeasure = (m.Measure, m.Noun);
        }
        state.PreviousNoun = sentenceNoun ?? KnownNounBefore(t, t.Count);
        if (sentenceShare is not null) state.PreviousShare = sentenceShare;
        if (sentenceMeasure is not null) state.PreviousMeasure = sentenceMeasure;
        if (sentenceNoun is not null) state.PreviousDemonym = sentenceDemonym;
        state.PreviousClaimant = MainClaimant(cues) ?? lastClaimant ?? (cues.Count == 0 ? state.PreviousClaimant : null);
    }

    private static bool HasNumber(List<Token> t)
    {
        foreach (var x in t)
            if (x.IsNumber || x.IsWord && NumberParser.IsNumberWord(x.Lower)) return true;
        return false;
    }

    private static readonly FrozenSet<string> CountingWords =
        ["counted", "against", "versus", "vs", "estimated", "put", "puts", "gave", "reported", "recorded", "registered", "with", "of"];

    // The number stands alone (nothing counted after it) right after a counting word or a contrast.
    private static bool ContinuesMeasure(List<Token> t, int qualStart, int end)
    {
        if (end < t.Count && t[end].IsWord && !t[end].Is("by") && !t[end].Is("according")) return false;
        return qualStart > 0 && t[qualStart - 1].IsWord && CountingWords.Contains(t[qualStart - 1].Lower);
    }

    /// <summary>The number is what a claimant's verb says: "organisers said 40,000", "police said that about 12,000".</summary>
    private static bool ClaimedRightBefore(List<Token> t, List<AttributionCue> cues, int qualStart)
    {
        var verb = qualStart > 0 && t[qualStart - 1].Is("that") ? qualStart - 2 : qualStart - 1;
        return verb >= 0 && cues.Exists(c => c.Index == verb && !c.IsEcho && c.Claimant is not null && c.SpanStart < t[verb].Start);
    }

    /// <summary>
    /// What the sentences without a number since the last one with a number hand on, as if each had been remembered in
    /// turn: the noun of the last of them, the claimant of the last of them that has attribution cues.
    /// </summary>
    private static void RememberPending(ExtractionState state)
    {
        var pending = state.Pending;
        if (pending.Count == 0) return;
        var t = state.PendingTokens;
        var nounSet = false;
        for (var k = pending.Count - 1; k >= 0; k--)
        {
            var sentence = pending[k];
            if (sentence.Length == 0) continue;
            FigureTokenizer.Tokenize(sentence, t);
            if (!nounSet) { state.PreviousNoun = KnownNounBefore(t, t.Count); nounSet = true; }
            if (t.Count > 0 && AttributionFinder.Find(sentence, t) is { Count: > 0 } found)
            {
                state.PreviousClaimant = MainClaimant(found);
                break;
            }
        }
        pending.Clear();
        t.Clear();
    }

    /// <summary>Who the sentence's own attribution names: the first cue, not an echo, that has a claimant.</summary>
    private static string? MainClaimant(List<AttributionCue> cues) => cues.FirstOrDefault(c => !c.IsEcho && c.Claimant is not null)?.Claimant;

    private static string? KnownNounBefore(List<Token> t, int index)
    {
        for (var k = index - 1; k >= 0; k--)
        {
            if (!t[k].IsWord) continue;
            if (FigureLexicon.TroopNouns.Contains(t[k].Lower) && t[k].Lower != "men") return "troops";
        }
        return null;
    }

    private static string? Claimant(string sentence, List<Token> t, NumberSpan n, List<AttributionCue> cues, ExtractionState state)
    {
        var clause = ClauseIds(t);
        // The nearest cue before the number in its clause, else the nearest after it in its clause, else "according to",
        // else the nearest cue before it anywhere.
        AttributionCue? before = null, after = null, according = null, earlier = null;
        foreach (var c in cues)
        {
            if (c.IsEcho) continue;
            var same = clause[c.Index] == clause[n.Start];
            if (same && c.Index < n.Start && (before is null || c.Index > before.Index)) before = c;
            if (same && c.Index > n.Start && (after is null || c.Index < after.Index) && !OpensOwnClause(t, c)) after = c;
            if (according is null && t[c.Index].Is("according")) according = c;
            if (c.Index < n.Start && (earlier is null || c.Index > earlier.Index)) earlier = c;
        }
        var pick = before ?? after ?? according ?? earlier;
        string? who;
        if (pick is not null) who = pick.IsPronoun ? state.PreviousClaimant : pick.Claimant;
        else
        {
            // No cue of its own: a sentence that continues the previous one ("This follows…", "reportedly") keeps its source.
            var continues = t.Count > 0 && Anaphors.Contains(t[0].Lower) && t[0].Lower != "the" || t.Exists(x => x.Is("reportedly"));
            who = continues ? state.PreviousClaimant : null;
        }
        // Claimants that echo the figure after it ("…, the ministry echoed") are added.
        foreach (var c in cues)
            if (c.IsEcho && c.Index > n.Start && c.Claimant is not null) who = who is null ? c.Claimant : who + "; " + c.Claimant;
        return who;
    }

    // "…, and police said 12,000 people marched": a claim verb that opens a coordinated clause and says something
    // after it claims what follows, not what came before (unlike a trailing ", police said.").
    private static bool OpensOwnClause(List<Token> t, AttributionCue c)
    {
        if (c.Index + 1 >= t.Count || t[c.Index + 1].Text is "." or "," or ";" or "!" or "?") return false;
        var k = t.FindIndex(x => x.Start == c.SpanStart);
        return k > 0 && k < c.Index && t[k - 1].Lower is "and" or "but" or "yet" or "while" or "whereas";
    }

    // Clauses end at ";" and at ", while/whereas/but/although": each can name its own source.
    private static int[] ClauseIds(List<Token> t)
    {
        var ids = new int[t.Count];
        var id = 0;
        for (var k = 0; k < t.Count; k++)
        {
            if (t[k].Text == ";" || t[k].Text == "," && k + 1 < t.Count && t[k + 1].Lower is "while" or "whereas" or "but" or "although" or "though") id++;
            ids[k] = id;
        }
        return ids;
    }
}
