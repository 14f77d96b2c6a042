namespace AlertBot.Core.Feeds.Parsing;

/// <summary>
/// A node of the lenient XML tree: just what feed adapters need (resolved namespace, attributes, text,
/// children, the xml:base in effect and where the element's inner markup lies in the source).
/// </summary>
internal sealed class XmlElement(string? ns, string localName, string? prefix, XmlElement? parent)
{
    private static readonly List<XmlElement> NoChildren = [];
    private List<XmlElement>? _children;
    private List<KeyValuePair<string, string>>? _attributes;

    /// <summary>Namespace URI, or null for no namespace (or an undeclared prefix).</summary>
    public string? Namespace { get; } = ns;
    public string LocalName { get; } = localName;
    public string? Prefix { get; } = prefix;
    public XmlElement? Parent { get; } = parent;

    /// <summary>The default namespace this element declares itself (xmlns="…"), canonicalised; else null.</summary>
    public string? DefaultNamespace { get; internal set; }

    /// <summary>Direct character data (entities decoded, CDATA included); child elements' text excluded.</summary>
    public string Text { get; internal set; } = "";
    public bool HasText => Text.Length > 0;

    /// <summary>Absolute base URI in effect for this element (xml:base chain on top of the document URL).</summary>
    public Uri? Base { get; internal set; }

    /// <summary>Offsets of the inner markup in the decoded source, for xhtml content and HTML written unescaped.</summary>
    public int InnerStart { get; internal set; }
    public int InnerEnd { get; internal set; } = -1;

    public IReadOnlyList<XmlElement> Children => _children ?? NoChildren;

    /// <summary>The element's content was kept as markup only (Atom type="xhtml"): read it with <see cref="InnerMarkup"/>.</summary>
    public bool IsRawMarkup { get; internal set; }

    /// <summary>Attributes by qualified name as written (xmlns declarations excluded).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Attributes =>
        (IReadOnlyList<KeyValuePair<string, string>>?)_attributes ?? [];

    /// <summary>Drops the subtree once it has been mapped, so a long feed never holds every item's tree at once.</summary>
    internal void ReleaseSubtree()
    {
        _children = null;
        _attributes = null;
        Text = "";
        Released = true;
    }

    public bool Released { get; private set; }

    internal void AddChild(XmlElement child) => (_children ??= []).Add(child);

    internal void AddAttribute(string name, string value) => (_attributes ??= []).Add(new(name, value));

    internal void AppendText(string text) => Text = Text.Length == 0 ? text : string.Concat(Text, text);

    public bool Is(string? ns, string localName) =>
        string.Equals(LocalName, localName, StringComparison.Ordinal) && string.Equals(Namespace, ns, StringComparison.Ordinal);

    /// <summary>Attribute by local name (prefix ignored, so <c>rdf:about</c> is found as "about").</summary>
    public string? Attr(string localName)
    {
        if (_attributes is null) return null;
        foreach (var (name, value) in _attributes)
        {
            var colon = name.IndexOf(':');
            var local = colon < 0 ? name.AsSpan() : name.AsSpan(colon + 1);
            if (local.Equals(localName, StringComparison.OrdinalIgnoreCase)) return value;
        }
        return null;
    }

    public XmlElement? Child(string? ns, string localName)
    {
        if (_children is null) return null;
        foreach (var child in _children)
            if (child.Is(ns, localName)) return child;
        return null;
    }

    public IEnumerable<XmlElement> ChildrenNamed(string? ns, string localName)
    {
        if (_children is null) yield break;
        foreach (var child in _children)
            if (child.Is(ns, localName)) yield return child;
    }

    /// <summary>Text of this element and all descendants, in document order.</summary>
    public string DeepText()
    {
        if (_children is null) return Text;
        var sb = new System.Text.StringBuilder(Text);
        foreach (var child in _children) sb.Append(child.DeepText());
        return sb.ToString();
    }

    public string InnerMarkup(string source) =>
        InnerEnd > InnerStart && InnerEnd <= source.Length ? source[InnerStart..InnerEnd] : Text;
}
