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
/// it runs on every sentence of every article.
/// </summary>
internal static class FigureTokenizer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(Math.Max(8, text.Length / 5));
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            if (char.IsAsciiDigit(c))
            {
                i = ReadNumber(text, i);
                var n = text[start..i];
                tokens.Add(new Token(TokenKind.Number, n, n, start, i));
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
                var w = text[start..i];
                // Curly apostrophes are folded so lexicons need one spelling ("korea's").
                tokens.Add(new Token(TokenKind.Word, w, w.ToLowerInvariant().Replace('’', '\''), start, i));
            }
            else
            {
                i += char.IsSurrogatePair(text, i) ? 2 : 1;
                var p = text[start..i];
                tokens.Add(new Token(TokenKind.Punct, p, p, start, i));
            }
        }
        return tokens;
    }

    // "3,000" keeps its thousands comma, "3,000," does not take the trailing one; "1.2" keeps its decimals.
    private static int ReadNumber(string text, int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        if (i - start <= 3)
        {
            while (i < text.Length && text[i] == ',' && Digits(text, i + 1, 3) && (i + 4 >= text.Length || !char.IsAsciiDigit(text[i + 4])))
                i += 4;
        }
        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        }
        return i;
    }

    private static bool Digits(string text, int from, int count)
    {
        if (from + count > text.Length) return false;
        for (var k = from; k < from + count; k++)
            if (!char.IsAsciiDigit(text[k])) return false;
        return true;
    }
}
