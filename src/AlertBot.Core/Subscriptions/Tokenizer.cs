namespace AlertBot.Core.Subscriptions;

/// <summary>
/// Splits text into folded word tokens, the same way for queries and articles.
/// Rules (each exists so that two spellings of one name meet):
/// <list type="bullet">
/// <item>letters and digits form words; everything else separates them, so "Jong-un", "Jong un" and
/// "JONG - UN" all give "jong", "un";</item>
/// <item>case and diacritics are folded ("Pyongyang" = "PYÖNGYANG");</item>
/// <item>an apostrophe inside a word is dropped ("O'Neill" → "oneill"), a possessive "'s" is removed
/// ("Russia’s" → "russia"); curly and straight apostrophes are the same;</item>
/// <item>soft hyphens and zero-width characters vanish without splitting;</item>
/// <item>digit groups join: "3,000" → "3000", "3.5" → "3.5".</item>
/// </list>
/// </summary>
public static class Tokenizer
{
    /// <summary>Folded surface tokens of <paramref name="text"/>, unstemmed.</summary>
    public static List<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        var scanner = new TokenScanner(text ?? "");
        while (scanner.MoveNext()) tokens.Add(scanner.Current.ToString());
        return tokens;
    }
}

/// <summary>Allocation-free token scanner: <see cref="Current"/> is valid until the next <see cref="MoveNext"/>.</summary>
internal ref struct TokenScanner
{
    private readonly ReadOnlySpan<char> _text;
    private int _pos;
    private char[] _buffer;
    private int _length;

    public TokenScanner(ReadOnlySpan<char> text)
    {
        _text = text;
        _buffer = new char[64];
    }

    /// <summary>Start column (0-based index into the text) of the current token.</summary>
    public int Start { get; private set; }

    public readonly ReadOnlySpan<char> Current => _buffer.AsSpan(0, _length);

    public bool MoveNext()
    {
        var text = _text;
        var i = _pos;
        while (i < text.Length && !TextFolding.IsWordChar(text[i])) i++;
        if (i >= text.Length)
        {
            _pos = i;
            return false;
        }
        Start = i;
        _length = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (TextFolding.IsAsciiWordChar(c))
            {
                Append((char)(c <= 'Z' && c >= 'A' ? c | 0x20 : c));
                i++;
            }
            else if (c >= 0x80 && TextFolding.IsWordChar(c))
            {
                foreach (var f in TextFolding.Fold(c)) Append(f);
                i++;
            }
            else if (TextFolding.IsIgnorable(c)) i++;
            else if (TextFolding.IsApostrophe(c) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && _length > 0)
            {
                // Possessive 's ends the word; any other inner apostrophe just disappears.
                if ((text[i + 1] | 0x20) == 's' && (i + 2 >= text.Length || !TextFolding.IsWordChar(text[i + 2])))
                {
                    i += 2;
                    break;
                }
                i++;
            }
            else if ((c == ',' || c == '.') && _length > 0 && char.IsAsciiDigit(text[i - 1])
                     && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                if (c == '.') Append('.');
                i++;
            }
            else break;
        }
        _pos = i;
        // A word made only of combining marks folds to nothing; skip it.
        return _length > 0 || MoveNext();
    }

    private void Append(char c)
    {
        if (_length == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        _buffer[_length++] = c;
    }
}
