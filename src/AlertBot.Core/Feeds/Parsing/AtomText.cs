using System.Net;
using System.Text;
using AlertBot.Core.Text;

namespace AlertBot.Core.Feeds.Parsing;

/// <summary>Atom text constructs: type text, html or xhtml (and 0.3's mode="escaped|base64|xml").</summary>
internal static class AtomText
{
    private enum Kind { Text, Html, Xhtml }

    /// <summary>The construct as plain text.</summary>
    public static string? Plain(XmlElement? e, ReadContext cx)
    {
        var html = Html(e, cx);
        if (html is null) return null;
        var text = HtmlText.ToPlain(html);
        return text.Length == 0 ? null : text;
    }

    /// <summary>The construct as HTML (text is escaped so it can be shown as HTML too).</summary>
    public static string? Html(XmlElement? e, ReadContext cx)
    {
        if (e is null || e.Attr("src") is not null && e.Children.Count == 0 && !e.HasText) return null;
        var kind = KindOf(e);
        string value;
        if (e.IsRawMarkup) value = WithoutDivWrapper(e.InnerMarkup(cx.Source));
        else if (kind == Kind.Xhtml || e.Attr("mode")?.Trim() == "xml" || kind == Kind.Text && e.Children.Count > 0)
        {
            var div = e.Children.Count == 1 && e.Children[0].LocalName == "div" && !e.HasText ? e.Children[0] : e;
            value = div.InnerMarkup(cx.Source);
        }
        else
        {
            value = cx.Raw(e);
            if (e.Attr("mode")?.Trim() == "base64" || IsBinaryType(e.Attr("type"))) value = FromBase64(value) ?? value;
            if (kind == Kind.Text) value = WebUtility.HtmlEncode(value);
        }
        return ReadContext.Trimmed(value);
    }

    /// <summary>Atom xhtml constructs wrap their markup in one xhtml &lt;div&gt;, which is not part of the content.</summary>
    private static string WithoutDivWrapper(string markup)
    {
        var s = markup.AsSpan().Trim();
        if (!s.StartsWith("<") || !s.EndsWith(">")) return markup;
        var open = s.IndexOf('>');
        var nameEnd = s[1..].IndexOfAny(' ', '>', '/') + 1;
        if (open < 0 || nameEnd <= 1) return markup;
        var name = s[1..nameEnd];
        var local = name[(name.IndexOf(':') + 1)..];
        if (!local.Equals("div", StringComparison.OrdinalIgnoreCase) || s[open - 1] == '/') return markup;
        var close = s.LastIndexOf("</");
        if (close <= open || !s[(close + 2)..].TrimEnd('>').Trim().SequenceEqual(name)) return markup;
        // Only when that div is the whole content: another top-level element means there is no wrapper.
        return s[(open + 1)..close].ToString();
    }

    private static Kind KindOf(XmlElement e)
    {
        var type = e.Attr("type")?.Trim().ToLowerInvariant();
        return type switch
        {
            "html" or "text/html" => Kind.Html,
            "xhtml" or "application/xhtml+xml" => Kind.Xhtml,
            null when e.Namespace == FeedNamespaces.Atom03 && e.Attr("mode")?.Trim() is "escaped" or "base64" => Kind.Html,
            null or "text" or "text/plain" => Kind.Text,
            _ when type.StartsWith("text/", StringComparison.Ordinal) => Kind.Text,
            _ => Kind.Html,
        };
    }

    /// <summary>Atom 1.0: a MIME type that is neither text nor XML means the content is base64.</summary>
    private static bool IsBinaryType(string? type)
    {
        type = type?.Trim().ToLowerInvariant();
        return type is not null && type.Contains('/') && !type.StartsWith("text/", StringComparison.Ordinal)
            && !type.EndsWith("+xml", StringComparison.Ordinal) && !type.EndsWith("/xml", StringComparison.Ordinal);
    }

    private static string? FromBase64(string value)
    {
        // Only text that decodes to valid UTF-8 was really base64 ("test" is valid base64 too).
        try
        {
            var bytes = Convert.FromBase64String(value.Trim());
            return System.Text.Unicode.Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : null;
        }
        catch (FormatException) { return null; }
        catch (ArgumentException) { return null; }
    }
}
