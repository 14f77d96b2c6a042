using System.Text;
using AlertBot.Core.Text;

namespace AlertBot.Core.Feeds.Parsing;

/// <summary>
/// A forgiving, single-pass XML reader that builds a small element tree. It reads what a person could read:
/// bare '&amp;', stray '&lt;', undefined entities, mismatched or missing end tags and truncated documents are
/// recovered (and noted as warnings) instead of failing. DOCTYPEs are skipped unread: no DTD, no external entity.
/// </summary>
internal sealed partial class LenientXmlParser
{
    private readonly string _s;
    private readonly XmlLimits _limits;
    private readonly List<XmlElement> _stack = [];
    private readonly NamespaceScope _ns = new();
    // Character data of the element being read is gathered here and stored once, when a child opens or the
    // element closes: appending entity by entity to a string would be quadratic.
    private readonly StringBuilder _text = new();
    private XmlElement? _textOwner;
    private readonly HashSet<string> _warnings = [];
    private XmlElement? _root;
    private int _pos;
    private int _elements;
    private int _skippedDepth;
    private Uri? _documentUri;

    private readonly Action<XmlElement>? _onItemClosed;

    private LenientXmlParser(string source, XmlLimits limits, Action<XmlElement>? onItemClosed)
    {
        _s = source;
        _limits = limits;
        _onItemClosed = onItemClosed;
    }

    /// <param name="onItemClosed">
    /// Called as each element at depth 1 or 2 (where feeds keep their items) is closed, so items can be mapped
    /// while the document is still being read and their subtrees dropped early.
    /// </param>
    public static XmlParseOutcome Parse(string source, Uri? documentUri, XmlLimits? limits = null, Action<XmlElement>? onItemClosed = null)
    {
        var parser = new LenientXmlParser(source, limits ?? XmlLimits.Default, onItemClosed);
        parser.Run(documentUri);
        return new XmlParseOutcome(parser._root, [.. parser._warnings]);
    }

    private void Run(Uri? documentUri)
    {
        _documentUri = documentUri;
        var s = _s;
        while (_pos < s.Length)
        {
            var next = s.AsSpan(_pos).IndexOfAny('<', '&');
            if (next < 0) { Text(_pos, s.Length); break; }
            if (next > 0) Text(_pos, _pos + next);
            _pos += next;
            if (s[_pos] == '&') { Entity(); continue; }
            Markup();
        }
        if (_stack.Count > 0)
        {
            _warnings.Add("the document is truncated: unclosed elements were closed at its end");
            while (_stack.Count > 0) Pop(s.Length);
        }
        FlushText();
    }

    private XmlElement? Current => _stack.Count > 0 ? _stack[^1] : null;

    private void Text(int start, int end)
    {
        var current = Current;
        if (current is null) return;
        var span = _s.AsSpan(start, end - start);
        // Indentation before the first character data is layout, not content.
        if (!current.HasText && (_textOwner != current || _text.Length == 0) && span.IsWhiteSpace()) return;
        TextBuffer(current)?.Append(span);
    }

    /// <summary>The buffer collecting <paramref name="element"/>'s text (null when there is no open element).</summary>
    private StringBuilder? TextBuffer(XmlElement? element)
    {
        if (element is null) return null;
        if (_textOwner != element)
        {
            FlushText();
            _textOwner = element;
        }
        return _text;
    }

    private void FlushText()
    {
        if (_textOwner is not null && _text.Length > 0) _textOwner.AppendText(_text.ToString());
        _text.Clear();
        _textOwner = null;
    }

    private void Entity()
    {
        var buffer = TextBuffer(Current);
        var used = buffer is null ? 0 : XmlEntities.TryDecode(_s.AsSpan(_pos), buffer);
        if (used == 0)
        {
            var semi = _s.AsSpan(_pos, Math.Min(40, _s.Length - _pos)).IndexOf(';');
            _warnings.Add(semi > 1 && !_s.AsSpan(_pos + 1, semi - 1).ContainsAny(' ', '&', '<')
                ? "undefined entity kept as written"
                : "unescaped '&' read as text");
            buffer?.Append('&');
            _pos++;
            return;
        }
        _pos += used;
    }

    private void Markup()
    {
        var s = _s;
        var rest = s.AsSpan(_pos);
        if (rest.StartsWith("<!--")) { _pos = SkipPast(_pos + 4, "-->"); return; }
        if (rest.StartsWith("<![CDATA["))
        {
            var start = _pos + 9;
            var end = s.IndexOf("]]>", start, StringComparison.Ordinal);
            if (end < 0) { _warnings.Add("unterminated CDATA section"); end = s.Length; }
            if (end > start) TextBuffer(Current)?.Append(s.AsSpan(start, end - start));
            _pos = Math.Min(s.Length, end + 3);
            return;
        }
        if (rest.StartsWith("<!")) { SkipDeclaration(); return; }
        if (rest.StartsWith("<?")) { _pos = SkipPast(_pos + 2, "?>"); return; }
        if (rest.Length > 1 && rest[1] == '/') { EndTag(); return; }
        if (rest.Length > 1 && IsNameStart(rest[1])) { StartTag(); return; }
        _warnings.Add("stray '<' read as text");
        TextBuffer(Current)?.Append('<');
        _pos++;
    }

    private int SkipPast(int from, string terminator)
    {
        var end = _s.IndexOf(terminator, from, StringComparison.Ordinal);
        return end < 0 ? _s.Length : end + terminator.Length;
    }

    /// <summary>Skips a DOCTYPE (with its internal subset) or other declaration without interpreting it.</summary>
    private void SkipDeclaration()
    {
        var depth = 0;
        char quote = '\0';
        for (var i = _pos + 2; i < _s.Length; i++)
        {
            var c = _s[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            switch (c)
            {
                case '"' or '\'' when depth > 0: quote = c; break;
                case '[': depth++; break;
                case ']': depth = Math.Max(0, depth - 1); break;
                case '>' when depth == 0: _pos = i + 1; return;
            }
        }
        _pos = _s.Length;
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c is '_' or ':';

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or ':' or '-' or '.' || c > 0x7F && !char.IsWhiteSpace(c);
}
