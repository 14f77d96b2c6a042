using System.Runtime.CompilerServices;

namespace AlertBot.Core.Text;

/// <summary>
/// Allocation-free token scanner: <see cref="Current"/> is valid until the next <see cref="MoveNext"/>.
/// It also hashes the folded token as it goes (<see cref="Hash"/>, a <see cref="TokenHash"/>), so a vocabulary can look it up without a string.
/// </summary>
internal ref struct TokenScanner
{
    // ASCII classes: 0 separator, 1 keeps as is (a-z, 0-9), 2 upper case; anything else is decided per rule.
    private static readonly byte[] AsciiClass = BuildAsciiClass();

    private readonly ReadOnlySpan<char> _text;
    private int _pos;
    private char[] _buffer;
    private int _length;
    private uint _hash;

    public TokenScanner(ReadOnlySpan<char> text)
        : this(text, new char[64])
    {
    }

    /// <summary>
    /// As <see cref="TokenScanner(ReadOnlySpan{char})"/>, folding words into <paramref name="buffer"/>, which a caller that
    /// scans many short texts keeps: a word too long for it goes to a larger array, and the buffer is left as it was.
    /// </summary>
    public TokenScanner(ReadOnlySpan<char> text, char[] buffer)
    {
        _text = text;
        _buffer = buffer.Length > 0 ? buffer : new char[64];
    }

    /// <summary>Start (0-based index into the text) of the current token.</summary>
    public int Start { get; private set; }

    public readonly ReadOnlySpan<char> Current => _buffer.AsSpan(0, _length);

    public readonly uint Hash => _hash;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MoveNext()
    {
        var text = _text;
        var i = _pos;
        var classes = AsciiClass;
        while (true)
        {
            while (i < text.Length && IsSeparator(text[i], classes)) i++;
            if (i >= text.Length)
            {
                _pos = i;
                return false;
            }
            Start = i;
            _length = 0;
            _hash = TokenHash.Start;
            i = ScanWord(text, i);
            // A word made only of combining marks folds to nothing; look for the next one.
            if (_length > 0)
            {
                _pos = i;
                return true;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ScanWord(ReadOnlySpan<char> text, int i)
    {
        var classes = AsciiClass;
        while (i < text.Length)
        {
            var c = text[i];
            if (c < 0x80 && classes[c] != 0)
            {
                // A run of ASCII letters and digits, most of any text, in one tight loop with the state in locals.
                var buffer = _buffer;
                var length = _length;
                var hash = _hash;
                do
                {
                    if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                    var folded = classes[c] == 2 ? (char)(c | 0x20) : c;
                    buffer[length++] = folded;
                    hash = TokenHash.Step(hash, folded);
                    i++;
                }
                while (i < text.Length && (c = text[i]) < 0x80 && classes[c] != 0);
                (_buffer, _length, _hash) = (buffer, length, hash);
            }
            // Any other ASCII character ends the word, but for an apostrophe or a mark inside a number (the branches below).
            else if (c < 0x80 && c is not ('\'' or '`' or ',' or '.')) break;
            else if (c >= 0x80 && TextFolding.IsWordChar(c))
            {
                foreach (var f in TextFolding.Fold(c)) Append(f);
                i++;
            }
            else if (TextFolding.IsIgnorable(c)) i++;
            else if (TextFolding.IsApostrophe(c) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && _length > 0)
            {
                // Possessive 's ends the word; any other inner apostrophe just disappears.
                if ((text[i + 1] | 0x20) == 's' && (i + 2 >= text.Length || !TextFolding.IsWordChar(text[i + 2]))) return i + 2;
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
        return i;
    }

    /// <summary>Not a word character; most separators are ASCII, which the class table answers without a call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSeparator(char c, byte[] classes) => c < 0x80 ? classes[c] == 0 : !TextFolding.IsWordChar(c);

    private void Append(char c)
    {
        if (_length == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        _buffer[_length++] = c;
        _hash = TokenHash.Step(_hash, c);
    }

    private static byte[] BuildAsciiClass()
    {
        var classes = new byte[128];
        for (var c = 'a'; c <= 'z'; c++) classes[c] = 1;
        for (var c = '0'; c <= '9'; c++) classes[c] = 1;
        for (var c = 'A'; c <= 'Z'; c++) classes[c] = 2;
        return classes;
    }
}
