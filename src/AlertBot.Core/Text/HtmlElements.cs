namespace AlertBot.Core.Text;

/// <summary>
/// What the HTML readers need to know about elements, in one place: which ones break a line, which ones
/// stand alone (no closing tag) and which ones hold raw text that is never shown.
/// </summary>
internal static class HtmlElements
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead",
        "tbody", "tfoot", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "address", "figure", "figcaption",
        "center", "details", "summary", "caption", "body", "html",
    };

    /// <summary>Void elements, plus p and li, whose closing tags are optional and usually missing.</summary>
    private static readonly HashSet<string> Standalone = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p", "li",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "template", "textarea", "xmp" };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BlockLookup = Blocks.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StandaloneLookup = Standalone.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RawTextLookup = RawText.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A block element: it starts a new line of text (paragraphs, headings, list items, table rows and cells). &lt;br&gt; breaks a line too, but is no block.</summary>
    public static bool IsBlock(ReadOnlySpan<char> name) => BlockLookup.Contains(name);

    /// <summary>An element whose opening tag stands alone: it is never closed, or its closing tag is optional (p, li).</summary>
    public static bool IsStandalone(ReadOnlySpan<char> name) => StandaloneLookup.Contains(name);

    /// <summary>An element whose content is raw text that is never shown (scripts, styles, templates).</summary>
    public static bool IsRawText(ReadOnlySpan<char> name) => RawTextLookup.Contains(name);
}
