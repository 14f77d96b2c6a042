using System.Buffers;

namespace AlertBot.Core.Text;

/// <summary>
/// The one sentence splitter: summaries, figures and stories read the same sentences, so a figure's quote is
/// exactly a summary candidate. Splits text into sentences that are exact substrings of it. A line break always ends a sentence. A period
/// does not end one after a title or month abbreviation ("Mr.", "Jan."), an initial ("John F. Kennedy"), inside
/// a number ("1.2") or before a lower-case word ("the U.S. military"); a dotted acronym before a capital ends one
/// only when the capital word usually starts sentences ("… in the U.S. The talks …"). A missing space after a
/// period ("tensions.The talks"), common in scraped text, still ends a sentence.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> NeverFinal = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep", "rev",
        "pres", "amb", "st", "mt", "ft", "no", "nos", "vs", "cf", "approx", "est", "dept", "fig", "vol", "pp", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "messrs", "hon", "gens", "brig", "cpl", "pvt",
        "cpt", "supt", "insp", "rs", "nr", "ca",
    };

    private static readonly HashSet<string> MaybeFinal = new(StringComparer.OrdinalIgnoreCase)
    {
        "inc", "corp", "ltd", "co", "jr", "sr", "etc", "al", "bros", "plc", "llc",
    };

    private static readonly HashSet<string> SentenceStarters = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "It", "Its", "He", "She", "They", "We", "I", "This", "That", "These", "Those", "But", "And",
        "However", "On", "At", "As", "For", "After", "Before", "While", "Meanwhile", "His", "Her", "Their", "There", "Officials",
        "Some", "Many", "Most", "Such", "When", "If", "Since", "According", "Earlier", "Later", "Last", "Now", "Yet", "So",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NeverFinalLookup = NeverFinal.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> MaybeFinalLookup = MaybeFinal.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SentenceStartersLookup = SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly SearchValues<char> Terminals = SearchValues.Create(".!?…");
    private static readonly SearchValues<char> TerminalsAndClosers = SearchValues.Create(".!?…\"'”’)]»");

    public static IReadOnlyList<string> Split(string text)
    {
        var sentences = new List<string>();
        if (!string.IsNullOrEmpty(text)) Split(text, 0, text.Length, sentences);
        return sentences;
    }

    /// <summary>
    /// The sentences of <c>text[start..(start + length)]</c>, appended to <paramref name="sentences"/>: the same as
    /// splitting that substring, without copying it or its lines first (only the sentences are new strings).
    /// </summary>
    internal static void Split(string text, int start, int length, List<string> sentences) => Split(text, start, length, sentences, null);

    /// <summary>
    /// Where the sentences of <c>text[start..(start + length)]</c> lie in <paramref name="text"/>, appended to
    /// <paramref name="spans"/>: the sentences <see cref="Split(string, int, int, List{string})"/> gives, without making them.
    /// </summary>
    internal static void Spans(string text, int start, int length, List<(int Start, int Length)> spans) => Split(text, start, length, null, spans);

    private static void Split(string text, int start, int length, List<string>? sentences, List<(int Start, int Length)>? spans)
    {
        var end = start + length;
        var lineStart = start;
        while (lineStart <= end)
        {
            var newline = text.AsSpan(lineStart, end - lineStart).IndexOf('\n');
            var lineEnd = newline < 0 ? end : lineStart + newline;
            SplitLine(text, lineStart, text.AsSpan(lineStart, lineEnd - lineStart), sentences, spans);
            lineStart = lineEnd + 1;
        }
    }

    /// <summary>One line's sentences; <paramref name="offset"/> is where <paramref name="line"/> starts in <paramref name="text"/>.</summary>
    private static void SplitLine(string text, int offset, ReadOnlySpan<char> line, List<string>? sentences, List<(int Start, int Length)>? spans)
    {
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var skip = line[i..].IndexOfAny(Terminals);
            if (skip < 0) break;
            i += skip;
            var end = i + 1;
            while (end < line.Length && TerminalsAndClosers.Contains(line[end])) end++;
            if (end < line.Length && !IsBoundary(line, i, end)) { i = end - 1; continue; }
            Add(sentences, spans, text, offset + start, end - start);
            start = end;
            i = end - 1;
        }
        if (start < line.Length) Add(sentences, spans, text, offset + start, line.Length - start);
    }

    /// <summary>Whether the terminal at <paramref name="at"/> (punctuation and closers ending before <paramref name="after"/>) ends a sentence.</summary>
    private static bool IsBoundary(ReadOnlySpan<char> line, int at, int after)
    {
        var next = after;
        while (next < line.Length && line[next] == ' ') next++;
        if (next == line.Length) return true;
        var n = line[next];
        if (next == after)
        {
            // No space: only "word.Word" is a boundary (a scraper ate the space); "1.2", "U.S.-led", "site.com" are not.
            return line[at] == '.' && at >= 2 && char.IsLower(line[at - 1]) && char.IsLetter(line[at - 2])
                && char.IsUpper(n) && next + 1 < line.Length && char.IsLower(line[next + 1]);
        }
        if (char.IsLower(n)) return false;
        if (line[at] != '.' || after != at + 1) return true;

        var token = TokenBefore(line, at);
        if (token.Length == 0) return true;
        if (token.Length == 1 && char.IsUpper(token[0])) return false; // an initial
        if (NeverFinalLookup.Contains(token)) return false;
        var dotted = token.Contains('.');
        if (dotted || MaybeFinalLookup.Contains(token)) return SentenceStartersLookup.Contains(WordAt(line, next));
        return true;
    }

    private static ReadOnlySpan<char> TokenBefore(ReadOnlySpan<char> line, int at)
    {
        var start = at;
        while (start > 0 && !char.IsWhiteSpace(line[start - 1]) && line[start - 1] is not ('(' or '"' or '“' or '‘' or '\'')) start--;
        return line[start..at];
    }

    private static ReadOnlySpan<char> WordAt(ReadOnlySpan<char> line, int index)
    {
        var end = index;
        while (end < line.Length && char.IsLetter(line[end])) end++;
        return line[index..end];
    }

    /// <summary>Adds <c>text[start..(start + length)]</c> trimmed, unless nothing is left: one string, never a copy of a copy.</summary>
    private static void Add(List<string>? sentences, List<(int Start, int Length)>? spans, string text, int start, int length)
    {
        var span = text.AsSpan(start, length);
        var trimmed = span.TrimStart();
        start += span.Length - trimmed.Length;
        trimmed = trimmed.TrimEnd();
        if (trimmed.Length == 0) return;
        if (spans is not null) spans.Add((start, trimmed.Length));
        else sentences!.Add(text.Substring(start, trimmed.Length));
    }
}
