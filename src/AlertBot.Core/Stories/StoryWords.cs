using AlertBot.Core.Subscriptions;
using AlertBot.Core.Text;

namespace AlertBot.Core.Stories;

/// <summary>
/// Splits a title or a sentence into <see cref="StoryWord"/>s with the query tokenizer (same folding, same
/// stems as subscriptions), keeping the case information folding drops. A dotted or capitalised acronym
/// "U.S." / "US" becomes one word, "usa", so it is neither split into letters nor taken for the pronoun "us".
/// </summary>
internal static class StoryWords
{
    /// <summary>The words of a title or a sentence on its own.</summary>
    public static List<StoryWord> Read(string text)
    {
        var words = new List<StoryWord>(text.Length / 6 + 2);
        var alone = StoryTokens.Alone(text, text);
        Read(text, alone.Entries.AsSpan(0, alone.Count), alone.Starts.AsSpan(0, alone.Count), 0, words);
        return words;
    }

    /// <summary>
    /// Adds the words of [<paramref name="start"/>, +<paramref name="length"/>) of the tokens' source (the title, a
    /// sentence) to <paramref name="words"/>, taking the tokens from <paramref name="cursor"/> on and moving it past them.
    /// Segments are read in order. Where white space (or the source's edge) bounds the segment its words are the
    /// source's; where the splitter cut without it ("tensions.The", a text cut at the length read) the segment is read alone.
    /// With <paramref name="capitalizedOnly"/> only capitalised words are added (a sentence read just for its proper words).
    /// </summary>
    public static void Read(in StoryTokens tokens, int start, int length, ref int cursor, List<StoryWord> words, bool capitalizedOnly = false)
    {
        var end = start + length;
        var starts = tokens.Starts;
        while (cursor < tokens.Count && starts[cursor] < start) cursor++;
        var first = cursor;
        while (cursor < tokens.Count && starts[cursor] < end) cursor++;
        var segment = tokens.Source.AsSpan(start, length);
        if (BoundedBySpace(tokens.Source, start, end))
        {
            Read(segment, tokens.Entries.AsSpan(first, cursor - first), starts.AsSpan(first, cursor - first), start, words, capitalizedOnly);
            return;
        }
        var alone = StoryTokens.Alone(segment, tokens.Source);
        Read(segment, alone.Entries.AsSpan(0, alone.Count), alone.Starts.AsSpan(0, alone.Count), 0, words, capitalizedOnly);
    }

    /// <param name="starts">Where each token starts, counted from <paramref name="offset"/> before <paramref name="text"/>.</param>
    private static void Read(ReadOnlySpan<char> text, ReadOnlySpan<SurfaceEntry> entries, ReadOnlySpan<int> starts, int offset, List<StoryWord> words,
        bool capitalizedOnly = false)
    {
        var pendingStart = -1;
        var acronym = "";
        for (var k = 0; k < entries.Length; k++)
        {
            var start = starts[k] - offset;
            var entry = entries[k];
            var capitalized = char.IsUpper(text[start]);
            // A word not wanted is neither measured nor made (a hash and a stop-word look-up); it only ends an acronym.
            if (capitalizedOnly && !capitalized)
            {
                if (pendingStart >= 0) Flush(text, words, ref acronym, ref pendingStart, start);
                continue;
            }
            var end = EndOf(text, start);
            // Single capital letters followed by '.' ("U.S.", "U.K.") gather into one acronym.
            if (end - start == 1 && capitalized && end < text.Length && text[end] == '.')
            {
                if (pendingStart < 0) pendingStart = start;
                acronym += entry.Surface;
                continue;
            }
            if (pendingStart >= 0) Flush(text, words, ref acronym, ref pendingStart, start);
            var joined = Joined(text, end);
            words.Add(capitalized && entry.Surface == "us" && IsAllCaps(text[start..end]) ? Make("usa", capitalized, joined) : Make(entry, capitalized, joined));
        }
        if (pendingStart >= 0) Flush(text, words, ref acronym, ref pendingStart, text.Length);
    }

    private static void Flush(ReadOnlySpan<char> text, List<StoryWord> words, ref string acronym, ref int pendingStart, int nextStart)
    {
        var folded = acronym == "us" ? "usa" : acronym;
        // "U.S." spans two characters per letter; it joins the next word only when just spaces follow.
        words.Add(Make(folded, capitalized: true, joinedToNext: IsSpaceOnly(text, pendingStart + acronym.Length * 2, nextStart)));
        acronym = "";
        pendingStart = -1;
    }

    private static StoryWord Make(string folded, bool capitalized, bool joinedToNext) =>
        Make(TermVocabulary.Shared.Resolve(folded, registerNewStems: false), capitalized, joinedToNext);

    private static StoryWord Make(SurfaceEntry entry, bool capitalized, bool joinedToNext)
    {
        var known = Known(entry);
        return new(entry.Surface, entry.StemId, known.Hash, capitalized, joinedToNext, known.Stop);
    }

    private const int MaxKnownSurfaces = 1 << 18;

    // A word's hash and stop-word flag depend on its surface alone, and the vocabulary numbers its surfaces densely: they
    // are kept by surface id, and checked against the surface string itself, so an entry of another vocabulary under the
    // same id is recomputed, never mistaken. Readers race benignly: a lost write is made again.
    private static KnownSurface?[] s_known = new KnownSurface?[4096];

    private static KnownSurface Known(SurfaceEntry entry)
    {
        var id = entry.SurfaceId;
        var table = s_known;
        if ((uint)id < (uint)table.Length && table[id] is { } known && ReferenceEquals(known.Surface, entry.Surface)) return known;
        var made = new KnownSurface(entry.Surface, WordHash.Of(entry.Surface), StopWords.Contains(entry.Surface));
        if (id is < 0 or >= MaxKnownSurfaces) return made;
        if (id >= table.Length)
        {
            var bigger = new KnownSurface?[Math.Min(MaxKnownSurfaces, Math.Max(id + 1, table.Length * 2))];
            table.CopyTo(bigger, 0);
            s_known = table = bigger;
        }
        table[id] = made;
        return made;
    }

    private sealed record KnownSurface(string Surface, uint Hash, bool Stop);

    private static bool BoundedBySpace(string source, int start, int end) =>
        (start == 0 || char.IsWhiteSpace(source[start - 1])) && (end == source.Length || char.IsWhiteSpace(source[end]));

    /// <summary>End of the token that starts at <paramref name="start"/> in the original text.</summary>
    private static int EndOf(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c)) i++;
            else if (char.IsLetterOrDigit(c) || char.IsSurrogate(c) || c is '\u00AD' or '\u200B' or '\u200C' or '\u200D'
                || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark) i++;
            else if ((c is '\'' or '’') && i + 1 < text.Length && char.IsLetter(text[i + 1])) i++;
            else if ((c is ',' or '.') && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && i > start && char.IsAsciiDigit(text[i - 1])) i++;
            else break;
        }
        return i;
    }

    /// <summary>True when only spaces or a hyphen separate this word from the next: no punctuation ends a phrase here.</summary>
    private static bool Joined(ReadOnlySpan<char> text, int end)
    {
        var i = end;
        while (i < text.Length && (text[i] == ' ' || text[i] == '-' || text[i] == '\u00A0')) i++;
        return i > end && i < text.Length && char.IsLetterOrDigit(text[i]);
    }

    private static bool IsSpaceOnly(ReadOnlySpan<char> text, int from, int to)
    {
        if (from >= to || to > text.Length) return false;
        for (var i = from; i < to; i++)
        {
            if (text[i] != ' ') return false;
        }
        return true;
    }

    private static bool IsAllCaps(ReadOnlySpan<char> word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (!char.IsLetter(c)) continue;
            if (!char.IsUpper(c)) return false;
            letters++;
        }
        return letters >= 2;
    }
}
