using System.Text;

namespace AlertBot.Core.Feeds.Parsing;

/// <summary>
/// Turns HTML (or text that may hold escaped HTML) into plain text a chat message can carry: tags removed,
/// script/style bodies dropped, entities decoded (so double-escaped titles come out right), whitespace
/// collapsed, block boundaries kept as line breaks.
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "section", "article", "figure", "figcaption", "dd", "dt",
    };

    public static string ToPlain(string? html)
    {
        if (string.IsNullOrEmpty(html)) return "";
        if (html.AsSpan().IndexOfAny('<', '&') < 0) return Collapse(html, lineBreaksAreText: true);
        var sb = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<' && TrySkipTag(html, ref i, sb)) continue;
            if (c == '&')
            {
                var used = XmlEntities.TryDecode(html.AsSpan(i), sb);
                if (used > 0) { i += used; continue; }
            }
            sb.Append(c);
            i++;
        }
        return Collapse(sb.ToString(), lineBreaksAreText: false);
    }

    /// <summary>True when the text contains something that looks like a tag or a character reference.</summary>
    public static bool LooksLikeHtml(string text)
    {
        var lt = text.IndexOf('<');
        if (lt >= 0 && lt + 1 < text.Length && (char.IsAsciiLetter(text[lt + 1]) || text[lt + 1] is '/' or '!')) return true;
        var amp = text.IndexOf('&');
        return amp >= 0 && text.IndexOf(';', amp) > amp;
    }

    private static bool TrySkipTag(string html, ref int i, StringBuilder sb)
    {
        if (i + 1 >= html.Length) return false;
        var next = html[i + 1];
        if (html.AsSpan(i).StartsWith("<!--"))
        {
            var endComment = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
            i = endComment < 0 ? html.Length : endComment + 3;
            return true;
        }
        if (!char.IsAsciiLetter(next) && next is not ('/' or '!' or '?')) return false;
        var close = TagEnd(html, i + 1);
        if (close < 0) return false;
        var nameStart = next == '/' ? i + 2 : i + 1;
        var nameEnd = nameStart;
        while (nameEnd < close && char.IsAsciiLetterOrDigit(html[nameEnd])) nameEnd++;
        var name = html.AsSpan(nameStart, nameEnd - nameStart);
        if (next != '/' && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
        {
            var end = html.IndexOf("</" + name.ToString(), close, StringComparison.OrdinalIgnoreCase);
            var endClose = end < 0 ? -1 : html.IndexOf('>', end);
            i = endClose < 0 ? html.Length : endClose + 1;
            return true;
        }
        var lookup = BlockTags.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(name)) sb.Append(ParagraphBreak);
        else if (name.Equals("img", StringComparison.OrdinalIgnoreCase)) sb.Append(' ');
        i = close + 1;
        return true;
    }

    /// <summary>Index of the '>' closing a tag, skipping quoted attribute values (alt="a &lt;br&gt; b").</summary>
    private static int TagEnd(string html, int from)
    {
        var quote = '\0';
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '"' or '\'' && html[i - 1] == '=') quote = c;
            else if (c == '>') return i;
        }
        return -1;
    }

    private const char ParagraphBreak = '\u2029';

    /// <summary>
    /// Collapses runs of spaces to one and runs of breaks to at most one blank line; trims. In HTML source
    /// line breaks are just whitespace; only block elements break lines.
    /// </summary>
    public static string Collapse(string text, bool lineBreaksAreText = true)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        var pendingBreaks = 0;
        foreach (var ch in text)
        {
            if (ch == ParagraphBreak || lineBreaksAreText && ch == '\n') { pendingBreaks++; continue; }
            if (char.IsWhiteSpace(ch)) { pendingSpace = true; continue; }
            if (sb.Length > 0)
            {
                if (pendingBreaks > 0) sb.Append(pendingBreaks > 1 ? "\n\n" : "\n");
                else if (pendingSpace) sb.Append(' ');
            }
            pendingSpace = false;
            pendingBreaks = 0;
            sb.Append(ch);
        }
        return sb.ToString();
    }
}
