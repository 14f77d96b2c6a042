namespace AlertBot.Core.Figures;

/// <summary>Splits a line of prose into sentences, knowing the abbreviations news uses ("U.S.", "Gen.", "Jan.").</summary>
internal static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations =
        ["mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "cpt", "maj", "adm", "st", "jr", "sr", "rep", "sen",
         "gov", "prof", "no", "vs", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "corp", "inc", "co", "ltd", "pres",
         "approx", "est", "fig", "mt", "ft", "e.g", "i.e", "etc"];

    public static List<string> Split(string line)
    {
        var result = new List<string>();
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c is not ('.' or '!' or '?')) continue;
            var end = i + 1;
            while (end < line.Length && line[end] is '"' or '”' or '’' or '\'' or ')') end++;
            if (end >= line.Length) break;
            var spaced = char.IsWhiteSpace(line[end]);
            var k = end;
            while (k < line.Length && char.IsWhiteSpace(line[k])) k++;
            if (k >= line.Length) break;
            var nextChar = line[k];
            var startsSentence = char.IsUpper(nextChar) || nextChar is '"' or '“' or '‘' or '(' || char.IsDigit(nextChar) && spaced;
            if (!startsSentence) continue;
            if (c == '.' && !IsSentenceEnd(line, i, spaced)) continue;
            result.Add(line[start..end].Trim());
            start = k;
            i = k - 1;
        }
        var rest = line[start..].Trim();
        if (rest.Length > 0) result.Add(rest);
        return result;
    }

    private static bool IsSentenceEnd(string line, int dot, bool spaced)
    {
        var w = dot;
        while (w > 0 && (char.IsLetter(line[w - 1]) || line[w - 1] == '.')) w--;
        var word = line[w..dot];
        if (word.Length == 0) return char.IsDigit(line[dot - 1 < 0 ? 0 : dot - 1]) || line[dot - 1] is ')' or '"' or '”';
        // "U.S." and single initials ("J.") are abbreviations; "tensions.The" (missing space) is a sentence end.
        if (word.Contains('.') || word.Length == 1 && char.IsUpper(word[0])) return false;
        if (Abbreviations.Contains(word.ToLowerInvariant())) return false;
        return spaced || word.Length > 2 && char.IsLower(word[^1]);
    }
}
