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
    public static List<StoryWord> Read(string text)
    {
        var words = new List<StoryWord>(text.Length / 6 + 2);
        var scanner = new TokenScanner(text);
        var pendingStart = -1;
        var acronym = "";
        while (scanner.MoveNext())
        {
            var start = scanner.Start;
            var end = EndOf(text, start);
            // Single capital letters followed by '.' ("U.S.", "U.K.") gather into one acronym.
            if (end - start == 1 && char.IsUpper(text[start]) && end < text.Length && text[end] == '.')
            {
                if (pendingStart < 0) pendingStart = start;
                acronym += scanner.Current.ToString();
                continue;
            }
            if (pendingStart >= 0) Flush(text, words, ref acronym, ref pendingStart, start);
            var span = scanner.Current;
            var capitalized = char.IsUpper(text[start]);
            var allCaps = capitalized && IsAllCaps(text.AsSpan(start, end - start));
            if (allCaps && span is "us") span = "usa";
            words.Add(Make(span, capitalized, Joined(text, end)));
        }
        if (pendingStart >= 0) Flush(text, words, ref acronym, ref pendingStart, text.Length);
        return words;
    }

    private static void Flush(string text, List<StoryWord> words, ref string acronym, ref int pendingStart, int nextStart)
    {
        var folded = acronym == "us" ? "usa" : acronym;
        // "U.S." spans two characters per letter; it joins the next word only when just spaces follow.
        words.Add(Make(folded, capitalized: true, joinedToNext: IsSpaceOnly(text, pendingStart + acronym.Length * 2, nextStart)));
        acronym = "";
        pendingStart = -1;
    }

    private static StoryWord Make(ReadOnlySpan<char> folded, bool capitalized, bool joinedToNext)
    {
        var entry = TermVocabulary.Shared.Resolve(folded, registerNewStems: false);
        return new StoryWord(entry.Surface, entry.StemId, WordHash.Of(folded), capitalized, joinedToNext);
    }

    /// <summary>End of the token that starts at <paramref name="start"/> in the original text.</summary>
    private static int EndOf(string text, int start)
    {
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || char.IsSurrogate(c) || c is '\u00AD' or '\u200B' or '\u200C' or '\u200D'
                || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark) i++;
            else if ((c is '\'' or '’') && i + 1 < text.Length && char.IsLetter(text[i + 1])) i++;
            else if ((c is ',' or '.') && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && i > start && char.IsAsciiDigit(text[i - 1])) i++;
            else break;
        }
        return i;
    }

    /// <summary>True when only spaces or a hyphen separate this word from the next: no punctuation ends a phrase here.</summary>
    private static bool Joined(string text, int end)
    {
        var i = end;
        while (i < text.Length && (text[i] == ' ' || text[i] == '-' || text[i] == '\u00A0')) i++;
        return i > end && i < text.Length && char.IsLetterOrDigit(text[i]);
    }

    private static bool IsSpaceOnly(string text, int from, int to)
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
