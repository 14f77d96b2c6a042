namespace AlertBot.Core.Text;

/// <summary>
/// Tells HTML from text that merely contains angle brackets ("a &lt; b", "x &lt;3", "if a&lt;b and c&gt;d").
/// Evidence is a tag a person would not type by accident: an HTML doctype, a closing tag of a known element,
/// a void element (&lt;br&gt;, &lt;img …&gt;) or a paragraph tag, or a known element with an attribute
/// (&lt;a href="…"&gt;). A lone &lt;title&gt; or &lt;b and c&gt; is not enough.
/// </summary>
public static class HtmlMarkup
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "address", "article", "aside", "audio", "b", "big", "blockquote", "body", "br", "button", "caption",
        "center", "cite", "code", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "font",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "iframe", "img", "ins",
        "kbd", "li", "main", "mark", "meta", "nav", "noscript", "ol", "p", "picture", "pre", "q", "s", "samp", "script",
        "section", "small", "source", "span", "strike", "strong", "style", "sub", "summary", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "time", "title", "tr", "tt", "u", "ul", "video", "wbr",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownLookup = Known.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Index of the '&gt;' ending the tag that starts after <paramref name="from"/>, past quoted attribute values
    /// (alt="a &lt;br&gt; b"); -1 when there is none or, with <paramref name="oddAtTagStart"/>, when a '&lt;' comes first.
    /// </summary>
    internal static int TagEnd(string html, int from, bool oddAtTagStart = false)
    {
        var quote = '\0';
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '"' or '\'' && html[i - 1] == '=') quote = c;
            else if (c == '<' && oddAtTagStart) return -1;
            else if (c == '>') return i;
        }
        return -1;
    }

    /// <summary>True when the text holds HTML markup (see the type's summary for what counts).</summary>
    public static bool LooksLikeHtml(ReadOnlySpan<char> text)
    {
        var rest = text;
        while (true)
        {
            var lt = rest.IndexOf('<');
            if (lt < 0 || lt + 1 >= rest.Length) return false;
            rest = rest[(lt + 1)..];
            if (IsTagEvidence(rest)) return true;
        }
    }

    /// <summary>The first markup of a document (after comments and processing instructions) is an HTML doctype or &lt;html&gt;.</summary>
    public static bool IsHtmlDocument(ReadOnlySpan<char> text)
    {
        var head = text[..Math.Min(text.Length, 8192)];
        while (true)
        {
            head = head.TrimStart('\uFEFF').TrimStart();
            var skip = head.StartsWith("<!--") ? head.IndexOf("-->") + 3 : head.StartsWith("<?") ? head.IndexOf("?>") + 2 : 0;
            if (skip < 0 || skip == 1) return false;
            if (skip == 0) break;
            head = head[skip..];
        }
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary><paramref name="tag"/> starts just after a '&lt;'.</summary>
    private static bool IsTagEvidence(ReadOnlySpan<char> tag)
    {
        if (tag[0] == '!') return tag.StartsWith("!doctype html", StringComparison.OrdinalIgnoreCase);
        var closing = tag[0] == '/';
        var name = closing ? tag[1..] : tag;
        var length = 0;
        while (length < name.Length && char.IsAsciiLetterOrDigit(name[length])) length++;
        if (length == 0 || !char.IsAsciiLetter(name[0]) || !KnownLookup.Contains(name[..length])) return false;
        var after = name[length..];
        var end = after.IndexOf('>');
        if (end < 0) return false;
        var inside = after[..end];
        if (closing) return inside.IsWhiteSpace();
        if (inside.Trim().Trim('/').IsEmpty) return HtmlElements.IsStandalone(name[..length]);
        if (!char.IsWhiteSpace(inside[0])) return false;
        // An attribute with a value: name="…", name='…' or name=value.
        var eq = inside.IndexOf('=');
        var attribute = eq < 0 ? [] : inside[..eq].Trim();
        return (!attribute.IsEmpty && char.IsAsciiLetter(attribute[^1])) || HtmlElements.IsStandalone(name[..length]);
    }
}
