namespace AlertBot.Core.Figures;

internal enum TokenKind { Word, Number, Punct }

/// <summary>A word, a digit group ("3,000", "1.2") or one punctuation mark, with its offsets in the sentence.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, string Lower, int Start, int End)
{
    public bool IsWord => Kind == TokenKind.Word;
    public bool IsNumber => Kind == TokenKind.Number;
    public bool Is(string lower) => Lower == lower;
    public bool IsCapitalised => Kind == TokenKind.Word && char.IsUpper(Text[0]);
}

/// <summary>
/// Splits a sentence into words, digit groups and punctuation. Hand-written rather than a regular expression:
/// it runs on every sentence of every article, so it allocates only what it must: a word already in lower case
/// is its own lower-case form, and a one-character punctuation mark is a shared string. (Sharing the lexicon's
/// strings for known words was tried: looking a word up cost more than allocating it.) Words and numbers come from a
/// small per-thread cache of recent ones (one slot per hash, no probing): news text repeats its words, and a hit
/// costs a hash and a compare, about what a copy costs, without the garbage (about 5 KB per article otherwise).
/// </summary>
internal static class FigureTokenizer
{
    private static readonly string[] AsciiPunctuation = BuildAsciiPunctuation();

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(Math.Max(8, text.Length / 4));
        Tokenize(text, tokens);
        return tokens;
    }

    /// <summary>Tokenizes into <paramref name="tokens"/> (cleared first), so one list serves every sentence of an article.</summary>
    public static void Tokenize(string text, List<Token> tokens)
    {
        tokens.Clear();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            if (char.IsAsciiDigit(c))
            {
                i = ReadNumber(text, i);
                var n = Cached(text.AsSpan(start, i - start));
                tokens.Add(new Token(TokenKind.Number, n, n, start, i));
            }
            else if (DottedAcronymEnd(text, i) is var acronymEnd && acronymEnd > i)
            {
                // "U.S.", "U.N.", "U.K.": one word, so "13 U.S. service members" keeps its noun phrase.
                i = acronymEnd;
                var w = Cached(text.AsSpan(start, i - start));
                tokens.Add(new Token(TokenKind.Word, w, Lower(w), start, i));
            }
            else if (char.IsLetter(c))
            {
                i++;
                while (i < text.Length)
                {
                    if (char.IsLetter(text[i])) i++;
                    // Inner apostrophes and hyphens stay in the word ("Korea's", "year-old", "Russia-Ukraine").
                    else if (text[i] is '\'' or '’' or '-' && i + 1 < text.Length && char.IsLetter(text[i + 1])) i += 2;
                    else break;
                }
                var w = Cached(text.AsSpan(start, i - start));
                tokens.Add(new Token(TokenKind.Word, w, Lower(w), start, i));
            }
            else
            {
                i += char.IsSurrogatePair(text, i) ? 2 : 1;
                var p = i - start == 1 && c < AsciiPunctuation.Length ? AsciiPunctuation[c] : text[start..i];
                tokens.Add(new Token(TokenKind.Punct, p, p, start, i));
            }
        }
    }

    /// <summary>
    /// The word in lower case (invariant culture), with curly apostrophes folded so lexicons need one spelling
    /// ("korea's"). Most words are already lower case and come back as they are.
    /// </summary>
    private static string Lower(string word)
    {
        var k = 0;
        while (k < word.Length && (char.IsAsciiLetterLower(word[k]) || word[k] is '-' or '\'')) k++;
        if (k == word.Length) return word;
        if (word.Length > MaxCachedLength) return string.Create(word.Length, word, static (lower, w) => WriteLower(w, lower));
        Span<char> folded = stackalloc char[word.Length];
        WriteLower(word, folded);
        return Cached(folded);
    }

    private static void WriteLower(ReadOnlySpan<char> word, Span<char> lower)
    {
        for (var j = 0; j < word.Length; j++)
        {
            var c = word[j];
            lower[j] = c == '’' ? '\'' : char.ToLowerInvariant(c);
        }
    }

    private const int CacheSlots = 4096;
    private const int MaxCachedLength = 32;
    [ThreadStatic] private static string?[]? t_recent;

    /// <summary>The text as a string: the cached one when its slot holds the same text, else a new one that takes the slot.</summary>
    private static string Cached(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxCachedLength) return text.ToString();
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        var recent = t_recent ??= new string?[CacheSlots];
        ref var slot = ref recent[(int)(hash ^ (hash >> 15)) & (CacheSlots - 1)];
        if (slot is not null && text.SequenceEqual(slot)) return slot;
        return slot = text.ToString();
    }

    private static string[] BuildAsciiPunctuation()
    {
        var table = new string[128];
        for (var c = 0; c < table.Length; c++) table[c] = ((char)c).ToString();
        return table;
    }

    // Two or more single capitals each followed by a dot ("U.S.", "U.N."), not glued to a longer word.
    private static int DottedAcronymEnd(string text, int i)
    {
        if (i > 0 && char.IsLetter(text[i - 1])) return i;
        var k = i;
        var letters = 0;
        while (k + 1 < text.Length && char.IsUpper(text[k]) && text[k + 1] == '.') { k += 2; letters++; }
        if (letters < 2 || k < text.Length && char.IsLetter(text[k])) return i;
        return k;
    }

    // "3,000" keeps its thousands comma, "3,000," does not take the trailing one; "1.2" keeps its decimals.
    private static int ReadNumber(string text, int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        // Indian grouping: "3,11,014" (lakhs) and "1,22,45,000" (crores): pairs of digits, then a last group of three.
        if (i - start <= 2 && IndianGroupingEnd(text, i) is var indian && indian > i) return Decimals(text, indian);
        if (i - start <= 3)
        {
            while (i < text.Length && text[i] == ',' && Digits(text, i + 1, 3) && (i + 4 >= text.Length || !char.IsAsciiDigit(text[i + 4])))
                i += 4;
        }
        return Decimals(text, i);
    }

    private static int Decimals(string text, int i)
    {
        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        }
        return i;
    }

    private static int IndianGroupingEnd(string text, int i)
    {
        var k = i;
        var pairs = 0;
        while (k < text.Length && text[k] == ',' && Digits(text, k + 1, 2) && k + 3 < text.Length && text[k + 3] == ',') { k += 3; pairs++; }
        if (pairs == 0 || !Digits(text, k + 1, 3) || k + 4 < text.Length && char.IsAsciiDigit(text[k + 4]) || text[k] != ',') return i;
        return k + 4;
    }

    private static bool Digits(string text, int from, int count)
    {
        if (from + count > text.Length) return false;
        for (var k = from; k < from + count; k++)
            if (!char.IsAsciiDigit(text[k])) return false;
        return true;
    }
}
