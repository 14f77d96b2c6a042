namespace AlertBot.Core.Figures;

/// <summary>
/// Figures in pipe tables ("Country | Estimated Troops Deployed |"): a numeric cell is a figure when its column
/// header names a measure; the row's first cell is its subject. Dates and labels in other columns are not figures.
/// </summary>
internal static class TableFigureReader
{
    public static bool IsTableLine(string line) => IsTableLine(line.AsSpan());

    public static bool IsTableLine(ReadOnlySpan<char> line) => line.Count('|') >= 2;

    public static List<Figure> Read(IReadOnlyList<string> lines)
    {
        var figures = new List<Figure>();
        if (lines.Count < 2) return figures;
        var header = Cells(lines[0]);
        var headerMeasures = header.Select(HeaderMeasure).ToList();
        foreach (var line in lines.Skip(1))
        {
            var cells = Cells(line);
            if (cells.All(c => c.Trim('-', ':', ' ').Length == 0)) continue;
            for (var c = 1; c < cells.Count && c < headerMeasures.Count; c++)
            {
                if (headerMeasures[c] is not { } hm || CellNumber(cells[c]) is not { } n) continue;
                figures.Add(new Figure
                {
                    Value = n.Value,
                    ValueHigh = n.High,
                    Measure = hm.Measure,
                    Subject = RowSubject(cells[0], hm.Measure),
                    Qualifier = hm.Qualifier,
                    Quote = line.Trim(),
                });
            }
        }
        return figures;
    }

    // A country row of a troops column is that country's troops ("North Korea" → "North Korean troops").
    private static string? RowSubject(string label, string measure)
    {
        if (label.Length == 0) return null;
        if (measure.StartsWith("troops", StringComparison.Ordinal) || FigureLexicon.HarmMeasures.Contains(measure))
            return Places.AdjectiveOf(label) is { } adjective ? adjective + " troops" : label;
        return label;
    }

    private static List<string> Cells(string line)
    {
        var cells = line.Split('|').Select(c => c.Trim()).ToList();
        if (cells.Count > 0 && cells[0].Length == 0 && line.TrimStart().StartsWith('|')) cells.RemoveAt(0);
        if (cells.Count > 0 && cells[^1].Length == 0) cells.RemoveAt(cells.Count - 1);
        return cells;
    }

    private static (string Measure, string? Qualifier)? HeaderMeasure(string header)
    {
        var t = FigureTokenizer.Tokenize(header);
        string? qualifier = null;
        string? noun = null;
        string? verb = null;
        foreach (var tok in t.Where(x => x.IsWord))
        {
            var w = tok.Lower;
            if (w is "estimated" or "approximate" or "approx" or "est") qualifier = "estimated";
            else if (FigureLexicon.EventVerbs.TryGetValue(w, out var v) && noun is not null) verb = v;
            else if (noun is null && (FigureLexicon.TroopNouns.Contains(w) || FigureLexicon.ArmyNouns.Contains(w) || FigureLexicon.MeasureNouns.ContainsKey(w)))
                noun = FigureLexicon.TroopNouns.Contains(w) ? "troops" : w;
        }
        if (noun is null)
        {
            // An unknown counted thing: a plural noun at the end of the header ("Refugees", "Number of homes").
            var last = t.LastOrDefault(x => x.IsWord);
            if (last.Text is null || !last.Lower.EndsWith('s') || last.Lower.Length < 4 || FigureLexicon.NonFigureNouns.Contains(last.Lower) ||
                FigureLexicon.PhraseStops.Contains(last.Lower)) return null;
            noun = last.Lower;
        }
        var measure = MeasureLearner.Compose(noun, [], verb, future: false, strong: false);
        return measure is null ? null : (measure, qualifier);
    }

    private static NumberSpan? CellNumber(string cell)
    {
        var t = FigureTokenizer.Tokenize(cell);
        if (t.Count == 0) return null;
        var i = 0;
        while (i < t.Count && t[i].IsWord && FigureLexicon.Qualifiers.Any(q => q.Words.Contains(t[i].Lower))) i++;
        if (i >= t.Count) return null;
        var n = NumberParser.TryParse(t, i);
        if (n is null || n.End != t.Count || n.Spelled || DistractorRules.Reason(t, n) is not null) return null;
        return n;
    }
}
