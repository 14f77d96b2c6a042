using System.Collections.Frozen;

namespace AlertBot.Core.Figures;

/// <summary>
/// Finds who claims what in a sentence: "according to X", "X said/reported/estimated/indicated",
/// "assessments by X suggest", "X's assessment", ", X said." and "X echoed" (an additional claimant).
/// </summary>
internal static class AttributionFinder
{
    private static readonly FrozenSet<string> Verbs =
        ["said", "says", "say", "saying", "reported", "reports", "report", "reporting", "estimated", "estimates",
         "estimate", "estimating", "indicated", "indicates", "indicate", "indicating", "suggest", "suggests",
         "suggested", "suggesting", "stated", "states", "announced", "announces", "claimed", "claims", "claim",
         "assessed", "assesses", "assess", "believes", "believe", "confirmed", "confirms", "told", "noted", "added",
         "warned", "revealed", "disclosed", "acknowledged", "concluded", "put", "puts", "calculated", "counted",
         "echoed", "echoes", "echoing", "corroborated", "tallied"];

    private static readonly FrozenSet<string> EchoVerbs = ["echoed", "echoes", "echoing", "corroborated"];

    // Forms that are also nouns ("a recent report"): verbs only when followed by what is claimed.
    private static readonly FrozenSet<string> Ambiguous = ["reports", "report", "estimates", "estimate", "claims", "claim", "states", "say", "put", "puts", "counted", "added", "noted", "confirmed", "confirms"];

    private static readonly FrozenSet<string> SkipBack =
        ["have", "has", "had", "also", "previously", "recently", "earlier", "now", "further", "would", "will", "did",
         "separately", "later", "again", "already", "repeatedly", "publicly", "officially", "reportedly", "then", "first",
         "initially", "last", "once", "still", "had", "may", "might", "could", "can"];

    private static readonly FrozenSet<string> Boundaries =
        ["that", "as", "while", "when", "because", "since", "after", "but", "which", "who", "where", "if", "though",
         "although", "whereas", "amid", "amidst", "than", "so", "with", "according", "what", "how", "whether", "even"];

    private static readonly FrozenSet<string> Passive = ["is", "are", "was", "were", "be", "been", "being", "an", "a", "the"];

    private static readonly FrozenSet<string> Pronouns = ["he", "she", "they", "it", "we", "i"];

    private static readonly FrozenSet<string> Generic = ["reports", "report", "recent reports", "media reports", "it", "this", "that", "there", "these", "sources"];

    private static readonly FrozenSet<string> IntroWords =
        ["in", "on", "at", "during", "since", "after", "before", "by", "earlier", "last", "this", "meanwhile", "however",
         "separately", "also", "but", "and", "yet", "so", "still", "moreover", "furthermore", "additionally", "now",
         "previously", "recently", "today", "yesterday", "on", "overall", "instead", "then", "later", "first"];

    private static readonly FrozenSet<string> PossessedClaims =
        ["assessment", "assessments", "estimate", "estimates", "count", "tally", "figures", "data", "analysis", "calculations", "report"];

    public static List<AttributionCue> Find(string s, List<Token> t)
    {
        var cues = new List<AttributionCue>();
        for (var i = 0; i < t.Count; i++)
        {
            var w = t[i].Lower;
            if (w == "according" && i + 1 < t.Count && t[i + 1].Is("to"))
            {
                var end = i + 2;
                while (end < t.Count && !(t[end].Text is "," or ";" or ":" || t[end].Text == "." && !IsAbbreviationDot(t, end)) && !t[end].Is("that")) end++;
                if (end < t.Count && t[end].Text == "." && end > 0 && IsAbbreviationDot(t, end)) end++;
                if (end > i + 2) cues.Add(Make(s, t, i, i + 2, end - 1));
                continue;
            }
            if (w.EndsWith("'s", StringComparison.Ordinal) && t[i].IsCapitalised && i + 1 < t.Count && PossessedClaims.Contains(t[i + 1].Lower))
            {
                var b = i;
                while (b > 0 && t[b - 1].IsCapitalised) b--;
                var text = s[t[b].Start..(t[i].End - 2)];
                cues.Add(new AttributionCue(Clean(text), i, t[b].Start, t[i].End));
                continue;
            }
            if (!Verbs.Contains(w) || !t[i].IsWord) continue;
            if (i > 0 && Passive.Contains(t[i - 1].Lower))
            {
                // "was reported by X", "confirmed by X": the claimant follows "by".
                if (i + 1 < t.Count && t[i + 1].Is("by")) cues.Add(ByClaimant(s, t, i)!);
                continue;
            }
            if (i + 1 < t.Count && t[i + 1].Is("by")) { cues.Add(ByClaimant(s, t, i)!); continue; }
            if (Ambiguous.Contains(w) && !FollowedByClaim(t, i)) continue;
            if (ClaimsLives(t, i)) continue;
            var echo = EchoVerbs.Contains(w);
            if (w.EndsWith("ing", StringComparison.Ordinal) && i > 0 && t[i - 1].Text == ",")
            {
                if (ParticipleSubject(s, t, i) is { } ps) cues.Add(ps);
                continue;
            }
            // Inverted: '…," said Maria Lopez, a shopkeeper.' The claimant follows the verb.
            if (i > 0 && t[i - 1].Text is "," or "\"" or "”" && i + 1 < t.Count && t[i + 1].IsCapitalised)
            {
                var last = i + 1;
                while (last + 1 < t.Count && (t[last + 1].IsCapitalised || t[last + 1].Text is "." && IsAbbreviationDot(t, last + 1))) last++;
                cues.Add(Make(s, t, i, i + 1, last));
                continue;
            }
            var endNp = i - 1;
            while (endNp >= 0 && t[endNp].IsWord && SkipBack.Contains(t[endNp].Lower)) endNp--;
            // "Prime Minister John Doe, who visited the area, said": skip the relative clause.
            if (endNp >= 0 && t[endNp].Text == ",")
            {
                var c = endNp - 1;
                while (c > 0 && !(t[c].Text == "," && t[c + 1].Lower is "who" or "which")) c--;
                endNp = c > 0 ? c - 1 : -1;
            }
            if (endNp < 0) continue;
            var start = endNp;
            // ", Shoigu said." at the end: the claimant is what follows the last comma.
            var trailing = i + 1 >= t.Count || t[i + 1].Text is "." or "," or ";" || i + 2 < t.Count && t[i + 2].Text == "." && t[i + 1].IsWord;
            while (start - 1 >= 0 && !IsBoundary(t, start - 1) && !(trailing && t[start - 1].Text == ",")) start--;
            if (start > endNp) continue;
            var cue = Make(s, t, i, start, endNp);
            cues.Add(echo ? cue with { IsEcho = true } : cue);
        }
        return cues;
    }

    // "U.S." and "U.N.": a dot after a single capital letter is part of the name.
    private static bool IsAbbreviationDot(List<Token> t, int k) =>
        k > 0 && t[k - 1].IsCapitalised && t[k - 1].Text.Length == 1 && t[k - 1].End == t[k].Start;

    private static bool FollowedByClaim(List<Token> t, int i) =>
        i + 1 >= t.Count || t[i + 1].Text is "," or "." or ";" || t[i + 1].Is("that") || t[i + 1].IsNumber ||
        FigureLexicon.Qualifiers.Any(q => q.Words[0] == t[i + 1].Lower) || NumberParser.IsNumberWord(t[i + 1].Lower) ||
        t[i + 1].Is("the") || t[i + 1].Is("on");

    // "the earthquake claimed 1,305 lives": a toll, not a claim.
    private static bool ClaimsLives(List<Token> t, int i)
    {
        if (!t[i].Lower.StartsWith("claim", StringComparison.Ordinal)) return false;
        for (var k = i + 1; k < t.Count && k <= i + 6 && t[k].Kind != TokenKind.Punct; k++)
            if (t[k].Lower is "lives" or "life") return true;
        return false;
    }

    private static bool IsBoundary(List<Token> t, int k)
    {
        var tok = t[k];
        if (tok.IsWord) return Boundaries.Contains(tok.Lower) || tok.Lower == "and" && k + 1 < t.Count && !t[k + 1].IsCapitalised;
        if (tok.Text is ";" or ":" or "—" or "–" or "\"" or "“" or "”") return true;
        if (tok.Text == ",")
        {
            // Lists of names ("the United States, South Korea, and Ukraine") stay inside the claimant.
            var before = k > 0 && (t[k - 1].IsCapitalised || t[k - 1].Text is "." or ")");
            var after = k + 1 < t.Count && (t[k + 1].IsCapitalised || t[k + 1].Is("and") && k + 2 < t.Count && t[k + 2].IsCapitalised);
            return !(before && after);
        }
        return false;
    }

    private static AttributionCue Make(string s, List<Token> t, int cueIndex, int start, int end)
    {
        var text = s[t[start].Start..t[end].End];
        // Pronouns are short: longer claimants are not lower-cased just to be looked up.
        var isPronoun = text.Length <= 4 && Pronouns.Contains(text.ToLowerInvariant());
        return new AttributionCue(isPronoun ? null : Clean(text), cueIndex, t[start].Start, t[end].End, IsPronoun: isPronoun);
    }

    private static AttributionCue? ByClaimant(string s, List<Token> t, int i)
    {
        var start = i + 2;
        var end = start;
        while (end < t.Count && t[end].Text is not ("," or ";" or "." or ":") && !Boundaries.Contains(t[end].Lower) && !t[end].IsNumber) end++;
        return end > start ? Make(s, t, i, start, end - 1) : new AttributionCue(null, i, t[i].Start, t[i].End);
    }

    // "U.S. assessments are smaller, estimating around 1,200": the subject of the clause before the comma.
    private static AttributionCue? ParticipleSubject(string s, List<Token> t, int i)
    {
        var comma = i - 1;
        var aux = -1;
        for (var k = comma - 1; k >= 0 && !IsBoundary(t, k); k--)
            if (t[k].Lower is "is" or "are" or "was" or "were" or "has" or "have" or "had" or "remain" or "remains") aux = k;
        if (aux <= 0) return null;
        var start = aux - 1;
        while (start - 1 >= 0 && !IsBoundary(t, start - 1)) start--;
        return Make(s, t, i, start, aux - 1);
    }

    /// <summary>Trims what is not the claimant: intro phrases ("In March,"), determiners, "assessments by".</summary>
    internal static string? Clean(string text)
    {
        var c = text.Replace('’', '\'').Trim().TrimEnd(',');
        var comma = c.IndexOf(", ", StringComparison.Ordinal);
        if (comma > 0 && IsLowerIn(IntroWordsLookup, FirstWord(c))) c = c[(comma + 2)..];
        var by = c.LastIndexOf(" by ", StringComparison.Ordinal);
        if (by > 0) c = c[(by + 4)..];
        foreach (var lead in Leads)
            if (c.StartsWith(lead, StringComparison.Ordinal)) c = c[lead.Length..];
        if (c.StartsWith("the ", StringComparison.Ordinal)) c = c[4..];
        if (c.Length == 0 || !HasLetter(c) || IsLowerIn(GenericLookup, c) || c.AsSpan().Count(' ') + 1 > 12) return null;
        return c;
    }

    private static readonly string[] Leads = ["the ", "The ", "recent ", "Recent ", "a ", "A ", "new ", "New ", "latest ", "Latest "];
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> IntroWordsLookup = IntroWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GenericLookup = Generic.GetAlternateLookup<ReadOnlySpan<char>>();

    private static ReadOnlySpan<char> FirstWord(string c) => c.AsSpan(0, c.IndexOf(' ') is var space and >= 0 ? space : c.Length);

    private static bool HasLetter(string c)
    {
        foreach (var ch in c)
            if (char.IsLetter(ch)) return true;
        return false;
    }

    /// <summary>Whether the set holds <paramref name="s"/> lower-cased (invariant), without making the lower-case string.</summary>
    private static bool IsLowerIn(FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> set, ReadOnlySpan<char> s)
    {
        if (s.Length > 64) return set.Contains(s.ToString().ToLowerInvariant());
        Span<char> lower = stackalloc char[s.Length];
        s.ToLowerInvariant(lower);
        return set.Contains(lower);
    }
}
