using System.Runtime.InteropServices;

namespace AlertBot.Core.Text;

/// <summary>
/// One article's text with the sentences of its lines, split once: figures read every line and the summary reads
/// the lead, both through <see cref="SentenceSplitter"/>, so a line range is split the first time either asks and
/// the second reader gets the same strings (a figure's quote is then the very summary candidate, not a copy).
/// One instance per article; not thread-safe.
/// </summary>
public sealed class ArticleSentences(string text)
{
    /// <summary>The ranges split so far, in increasing start order, each with where its sentences are in <see cref="_sentences"/>.</summary>
    private readonly List<(int Start, int Length, int First, int Count)> _ranges = [];
    private readonly List<string> _sentences = [];

    public string Text { get; } = text ?? "";

    /// <summary>
    /// Appends the sentences of <c>Text[start..(start + length)]</c> to <paramref name="sentences"/>, exactly as
    /// <see cref="SentenceSplitter"/> splits that range.
    /// </summary>
    internal void Split(int start, int length, List<string> sentences)
    {
        var at = Find(start);
        if (at >= 0 && _ranges[at].Length == length)
        {
            var (_, _, first, count) = _ranges[at];
            sentences.AddRange(CollectionsMarshal.AsSpan(_sentences).Slice(first, count));
            return;
        }
        // Kept only when it extends the ranges in order (readers go down the text); any other range is split as asked.
        if (at >= 0 || _ranges.Count > 0 && _ranges[^1].Start > start)
        {
            SentenceSplitter.Split(Text, start, length, sentences);
            return;
        }
        var from = _sentences.Count;
        SentenceSplitter.Split(Text, start, length, _sentences);
        _ranges.Add((start, length, from, _sentences.Count - from));
        sentences.AddRange(CollectionsMarshal.AsSpan(_sentences)[from..]);
    }

    /// <summary>Index of the range starting at <paramref name="start"/>, or -1.</summary>
    private int Find(int start)
    {
        int lo = 0, hi = _ranges.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var s = _ranges[mid].Start;
            if (s == start) return mid;
            if (s < start) lo = mid + 1;
            else hi = mid - 1;
        }
        return -1;
    }
}
