using System.Buffers;

namespace AlertBot.Core.Text;

/// <summary>
/// Appends text while collapsing whitespace: runs of spaces become one space, breaks become "\n" or a blank
/// line, leading and trailing whitespace disappear. Copies runs in bulk; only whitespace is looked at singly.
/// </summary>
internal ref struct PlainTextWriter
{
    private static readonly SearchValues<char> WhitespaceButSpace = SearchValues.Create("\t\n\r\f\v\u00A0\u2028\u2029\u0085\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000");
    private char[] _buffer;
    private int _length;
    private bool _pendingSpace;
    private int _pendingBreaks;
    private readonly bool _lineBreaksAreText;

    public PlainTextWriter(int capacity, bool lineBreaksAreText)
    {
        _buffer = ArrayPool<char>.Shared.Rent(Math.Max(16, capacity));
        _length = 0;
        _lineBreaksAreText = lineBreaksAreText;
    }

    public void Text(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var ws = text.IndexOfAny(WhitespaceButSpace);
            Spaced(ws < 0 ? text : text[..ws]);
            if (ws < 0) return;
            var c = text[ws];
            if (c is '\u2029' || _lineBreaksAreText && c == '\n') _pendingBreaks++;
            else _pendingSpace = true;
            text = text[(ws + 1)..];
        }
    }

    /// <summary>
    /// Writes text whose only white space is ' ': words with single spaces between them are copied as one piece (each
    /// of those spaces is the separator it would collapse to); longer runs of spaces and spaces at either end are pending.
    /// </summary>
    private void Spaced(ReadOnlySpan<char> run)
    {
        while (!run.IsEmpty)
        {
            if (run[0] == ' ')
            {
                _pendingSpace = true;
                run = run.TrimStart(' ');
                continue;
            }
            var doubled = run.IndexOf("  ", StringComparison.Ordinal);
            var piece = doubled < 0 ? run : run[..doubled];
            run = doubled < 0 ? [] : run[doubled..];
            var trailing = piece[^1] == ' ';
            if (trailing) piece = piece[..^1];
            Separator();
            Ensure(piece.Length);
            piece.CopyTo(_buffer.AsSpan(_length));
            _length += piece.Length;
            if (trailing) _pendingSpace = true;
        }
    }

    /// <summary>A single non-whitespace character.</summary>
    public void Char(char c)
    {
        Separator();
        Ensure(1);
        _buffer[_length++] = c;
    }

    public void Space() => _pendingSpace = true;

    public void Break() => _pendingBreaks++;

    private void Separator()
    {
        if (_length > 0)
        {
            Ensure(2);
            if (_pendingBreaks > 1) { _buffer[_length++] = '\n'; _buffer[_length++] = '\n'; }
            else if (_pendingBreaks == 1) _buffer[_length++] = '\n';
            else if (_pendingSpace) _buffer[_length++] = ' ';
        }
        _pendingSpace = false;
        _pendingBreaks = 0;
    }

    private void Ensure(int extra)
    {
        if (_length + extra <= _buffer.Length) return;
        var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + extra));
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    /// <summary>The text so far; the writer must not be used afterwards.</summary>
    public string Finish()
    {
        var result = new string(_buffer, 0, _length);
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = [];
        return result;
    }
}
