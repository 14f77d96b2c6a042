using AlertBot.Core.Text;

namespace AlertBot.Core.Feeds.Parsing;

internal sealed partial class LenientXmlParser
{
    private readonly List<KeyValuePair<string, string>> _attrs = [];

    private void StartTag()
    {
        var s = _s;
        var i = _pos + 1;
        var nameStart = i;
        while (i < s.Length && IsNameChar(s[i])) i++;
        var qname = Intern(s.AsSpan(nameStart, i - nameStart));
        _attrs.Clear();
        var selfClosing = false;
        while (true)
        {
            while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
            if (i >= s.Length) break;
            var c = s[i];
            if (c == '>') { i++; break; }
            if (c == '/' && i + 1 < s.Length && s[i + 1] == '>') { selfClosing = true; i += 2; break; }
            if (c == '<') { _warnings.Add("a start tag is missing its '>'"); break; }
            if (!IsNameChar(c)) { i++; continue; }
            var attrStart = i;
            while (i < s.Length && IsNameChar(s[i])) i++;
            var attrName = Intern(s.AsSpan(attrStart, i - attrStart));
            while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
            var value = "";
            if (i < s.Length && s[i] == '=')
            {
                i++;
                while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
                value = ReadAttributeValue(ref i);
            }
            _attrs.Add(new(attrName, value));
        }
        _pos = i;
        Open(qname, selfClosing);
    }

    private string ReadAttributeValue(ref int i)
    {
        var s = _s;
        if (i >= s.Length) return "";
        int start, end;
        if (s[i] is '"' or '\'')
        {
            var quote = s[i];
            start = i + 1;
            end = s.IndexOf(quote, start);
            if (end < 0) { end = s.IndexOf('>', start); if (end < 0) end = s.Length; i = end; }
            else i = end + 1;
        }
        else
        {
            start = i;
            while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] != '>') i++;
            end = i;
        }
        var raw = s[start..end];
        return raw.Contains('&') ? XmlEntities.Decode(raw) : raw;
    }

    private void Open(string qname, bool selfClosing)
    {
        var parent = Current;
        if (parent is null && _root is not null) return; // trailing content after the root element
        if (_stack.Count >= _limits.MaxDepth || _elements >= _limits.MaxElements)
        {
            _warnings.Add("nesting or element count beyond the limit was ignored");
            if (!selfClosing) _skippedDepth++;
            return;
        }
        _elements++;
        FlushText();

        _ns.Push();
        var baseUri = parent?.Base ?? _documentUri;
        foreach (var (name, value) in _attrs)
        {
            if (name == "xmlns") _ns.Declare("", value);
            else if (name.StartsWith("xmlns:", StringComparison.Ordinal)) _ns.Declare(name[6..], value);
            else if (name == "xml:base" && Resolve(baseUri, value) is { } resolved && UrlSafety.IsWebOrFile(resolved)) baseUri = resolved;
        }
        var (prefix, local) = Split(qname);
        var ns = Canonical(_ns.Resolve(prefix ?? ""));
        var element = new XmlElement(ns, local, prefix, parent) { Base = baseUri, InnerStart = _pos };
        foreach (var (name, value) in _attrs)
        {
            if (name == "xmlns") element.DefaultNamespace = FeedNamespaces.Canonical(value.Trim());
            else if (!name.StartsWith("xmlns:", StringComparison.Ordinal)) element.AddAttribute(name, value);
        }

        if (parent is null) _root = element;
        else parent.AddChild(element);
        _stack.Add(element);
        if (selfClosing) Pop(_pos);
        else if (IsXhtmlConstruct(element)) SkipRaw(element, qname);
    }

    private static bool IsXhtmlConstruct(XmlElement element) =>
        element.Attributes.Count > 0 && string.Equals(element.Attr("type")?.Trim(), "xhtml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Atom xhtml content is only ever used as markup: its inner span is recorded and the tree for it is not
    /// built (the costliest part of reading an Atom feed otherwise). Falls back to normal reading when the end
    /// tag cannot be found.
    /// </summary>
    private void SkipRaw(XmlElement element, string qname)
    {
        var from = _pos;
        while (true)
        {
            var at = _s.IndexOf("</" + qname, from, StringComparison.Ordinal);
            if (at < 0) return;
            var after = at + 2 + qname.Length;
            while (after < _s.Length && char.IsWhiteSpace(_s[after])) after++;
            if (after < _s.Length && _s[after] == '>')
            {
                element.IsRawMarkup = true;
                Pop(at);
                _pos = after + 1;
                return;
            }
            from = after;
        }
    }

    private static Uri? Resolve(Uri? baseUri, string reference)
    {
        reference = reference.Trim();
        if (baseUri is not null && Uri.TryCreate(baseUri, reference, out var combined)) return combined;
        return Uri.TryCreate(reference, UriKind.Absolute, out var absolute) ? absolute : null;
    }

    private void EndTag()
    {
        var s = _s;
        var i = _pos + 2;
        var nameStart = i;
        while (i < s.Length && IsNameChar(s[i])) i++;
        var name = s.AsSpan(nameStart, i - nameStart);
        var tagStart = _pos;
        var close = s.IndexOf('>', i);
        var nextOpen = s.IndexOf('<', i);
        _pos = close < 0 ? s.Length : nextOpen >= 0 && nextOpen < close ? nextOpen : close + 1;

        if (_skippedDepth > 0) { _skippedDepth--; return; }
        for (var depth = _stack.Count - 1; depth >= 0; depth--)
        {
            if (!QualifiedNameIs(_stack[depth], name)) continue;
            if (depth < _stack.Count - 1) _warnings.Add("mismatched end tag: unclosed elements were closed");
            while (_stack.Count > depth) Pop(tagStart);
            return;
        }
        // A misspelt end tag (</titel>) most often closes the leaf element it was meant for.
        if (_stack.Count > 1 && _stack[^1].Children.Count == 0)
        {
            _warnings.Add("a misspelt end tag closed the open element");
            Pop(tagStart);
            return;
        }
        _warnings.Add("an end tag without a start tag was ignored");
    }

    private static bool QualifiedNameIs(XmlElement element, ReadOnlySpan<char> name)
    {
        if (element.Prefix is null) return name.Equals(element.LocalName, StringComparison.OrdinalIgnoreCase);
        return name.Length == element.Prefix.Length + 1 + element.LocalName.Length
            && name.StartsWith(element.Prefix, StringComparison.OrdinalIgnoreCase)
            && name[element.Prefix.Length] == ':'
            && name[(element.Prefix.Length + 1)..].Equals(element.LocalName, StringComparison.OrdinalIgnoreCase);
    }

    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string? Prefix, string Local)> _splitNames = new(ReferenceEqualityComparer.Instance);

    /// <summary>Element and attribute names repeat thousands of times: one string each.</summary>
    private string Intern(ReadOnlySpan<char> name)
    {
        var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(name, out var known)) return known;
        var created = name.ToString();
        if (_names.Count < 4096) _names[created] = created;
        return created;
    }

    private (string? Prefix, string Local) Split(string qname)
    {
        if (_splitNames.TryGetValue(qname, out var split)) return split;
        var colon = qname.IndexOf(':');
        split = colon > 0 ? (qname[..colon], qname[(colon + 1)..]) : (null, qname);
        if (_splitNames.Count < 4096) _splitNames[qname] = split;
        return split;
    }

    private string? _lastRawNs;
    private string? _lastCanonicalNs;

    /// <summary>Namespace strings repeat element after element; remembering the last one skips the lookup.</summary>
    private string? Canonical(string? raw)
    {
        if (ReferenceEquals(raw, _lastRawNs)) return _lastCanonicalNs;
        _lastRawNs = raw;
        return _lastCanonicalNs = FeedNamespaces.Canonical(raw);
    }

    private void Pop(int innerEnd)
    {
        FlushText();
        var element = _stack[^1];
        element.InnerEnd = innerEnd;
        _stack.RemoveAt(_stack.Count - 1);
        _ns.Pop();
        if (_onItemClosed is not null && _stack.Count is 1 or 2) _onItemClosed(element);
    }
}
