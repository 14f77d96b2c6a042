using AlertBot.Core.Text;

namespace AlertBot.Core.Figures;

/// <summary>
/// Finds the figures a story reports. Pure: text in, figures out. Works on raw scraped text (furniture and pipe
/// tables included) and on cleaned text alike: a number becomes a figure only when its counted thing can be
/// learnt from its sentence, which is what keeps dates, counters and page furniture out.
/// </summary>
public static class FigureExtractor
{
    public static IReadOnlyList<Figure> Extract(string title, string text)
    {
        var state = new ExtractionState();
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(title)) lines.Add(title.Trim());
        lines.AddRange((text ?? "").Split('\n'));
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            if (TableFigureReader.IsTableLine(line))
            {
                var block = new List<string>();
                // Cleaned text may put blank lines between rows; they do not end the table.
                var last = i;
                for (; i < lines.Count; i++)
                {
                    var row = lines[i].Trim();
                    if (row.Length == 0) continue;
                    if (!TableFigureReader.IsTableLine(row)) break;
                    block.Add(row);
                    last = i;
                }
                i = last;
                foreach (var f in TableFigureReader.Read(block)) state.Add(f);
                continue;
            }
            // Lines of a few words that are not the title are furniture ("0 Comments", "Page 2 of 5").
            if (i > 0 && !HasWords(line, 4)) continue;
            foreach (var sentence in SentenceSplitter.Split(line)) SentenceReader.Read(sentence, state);
        }
        return state.Result();
    }

    /// <summary>Whether <paramref name="line"/> has at least <paramref name="count"/> space-separated words.</summary>
    private static bool HasWords(string line, int count)
    {
        var words = 0;
        for (var k = 0; k < line.Length; k++)
            if (line[k] != ' ' && (k == 0 || line[k - 1] == ' ') && ++words >= count) return true;
        return false;
    }
}
