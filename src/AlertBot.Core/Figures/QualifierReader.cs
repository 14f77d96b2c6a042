namespace AlertBot.Core.Figures;

/// <summary>Reads the qualifiers written before a number ("approximately", "more than", "an additional").</summary>
internal static class QualifierReader
{
    /// <summary>Returns the index where the qualifiers start (the number's start if none) and their normal forms.</summary>
    public static (int Start, List<string> Qualifiers) Before(List<Token> t, int numberStart)
    {
        var found = new List<string>();
        var start = numberStart;
        for (var round = 0; round < 3; round++)
        {
            var matched = false;
            foreach (var (words, qualifier) in FigureLexicon.Qualifiers)
            {
                var s = start - words.Length;
                if (s < 0) continue;
                var ok = true;
                for (var w = 0; w < words.Length && ok; w++) ok = t[s + w].Lower == words[w];
                if (!ok) continue;
                if (!found.Contains(qualifier)) found.Insert(0, qualifier);
                start = s;
                matched = true;
                break;
            }
            if (!matched) break;
        }
        return (start, found);
    }
}
