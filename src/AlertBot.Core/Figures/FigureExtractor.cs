using AlertBot.Core.Text;

namespace AlertBot.Core.Figures;

/// <summary>
/// Finds the figures a story reports. Pure: text in, figures out. Works on raw scraped text (furniture and pipe
/// tables included) and on cleaned text alike: a number becomes a figure only when its counted thing can be
/// learnt from its sentence, which is what keeps dates, counters and page furniture out.
/// </summary>
public static class FigureExtractor
{
    /// <summary>A line of the title or the text, trimmed: where it is, so that no line is copied to be read.</summary>
    private readonly record struct Line(string Source, int Start, int Length)
    {
        public ReadOnlySpan<char> Span => Source.AsSpan(Start, Length);

        public override string ToString() => Source.Substring(Start, Length);
    }

    [ThreadStatic] private static List<Token>? t_tokens;
    [ThreadStatic] private static List<Line>? t_lines;
    [ThreadStatic] private static List<string>? t_sentences;

    public static IReadOnlyList<Figure> Extract(string title, string text) => Extract(title, text, null);

    /// <summary>As <see cref="Extract(string, string)"/>, reading the text's sentences from <paramref name="text"/>, which the summary then reuses.</summary>
    public static IReadOnlyList<Figure> Extract(string title, ArticleSentences text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Extract(title, text.Text, text);
    }

    private static IReadOnlyList<Figure> Extract(string title, string text, ArticleSentences? split)
    {
        // One token list, line list and sentence list per thread: refilled per article, emptied after it (they hold its strings).
        var tokens = t_tokens ??= new List<Token>(64);
        var lines = t_lines ??= [];
        var sentences = t_sentences ??= [];
        try
        {
            return Extract(title, text, split, new ExtractionState(tokens), lines, sentences);
        }
        finally
        {
            tokens.Clear();
            lines.Clear();
            sentences.Clear();
        }
    }

    private static IReadOnlyList<Figure> Extract(string title, string text, ArticleSentences? split, ExtractionState state, List<Line> lines, List<string> sentences)
    {
        if (!string.IsNullOrWhiteSpace(title)) lines.Add(Trimmed(title, 0, title.Length));
        text ??= "";
        for (var at = 0; at <= text.Length;)
        {
            var end = text.IndexOf('\n', at);
            if (end < 0) end = text.Length;
            lines.Add(Trimmed(text, at, end - at));
            at = end + 1;
        }
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0) continue;
            if (TableFigureReader.IsTableLine(line.Span))
            {
                var block = new List<string>();
                // Cleaned text may put blank lines between rows; they do not end the table.
                var last = i;
                for (; i < lines.Count; i++)
                {
                    var row = lines[i];
                    if (row.Length == 0) continue;
                    if (!TableFigureReader.IsTableLine(row.Span)) break;
                    block.Add(row.ToString());
                    last = i;
                }
                i = last;
                foreach (var f in TableFigureReader.Read(block)) state.Add(f);
                continue;
            }
            // Lines of a few words that are not the title are furniture ("0 Comments", "Page 2 of 5").
            if (i > 0 && !HasWords(line.Span, 4)) continue;
            sentences.Clear();
            if (split is not null && ReferenceEquals(line.Source, split.Text)) split.Split(line.Start, line.Length, sentences);
            else SentenceSplitter.Split(line.Source, line.Start, line.Length, sentences);
            foreach (var sentence in sentences) SentenceReader.Read(sentence, state);
        }
        return state.Result();
    }

    private static Line Trimmed(string source, int start, int length)
    {
        var span = source.AsSpan(start, length);
        var trimmed = span.TrimStart();
        start += span.Length - trimmed.Length;
        return new Line(source, start, trimmed.TrimEnd().Length);
    }

    /// <summary>Whether <paramref name="line"/> has at least <paramref name="count"/> space-separated words.</summary>
    private static bool HasWords(ReadOnlySpan<char> line, int count)
    {
        var words = 0;
        for (var k = 0; k < line.Length; k++)
            if (line[k] != ' ' && (k == 0 || line[k - 1] == ' ') && ++words >= count) return true;
        return false;
    }
}
