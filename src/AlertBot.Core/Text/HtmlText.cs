using System.Text;

namespace AlertBot.Core.Text;

/// <summary>
/// Turns HTML (or text that may hold escaped HTML) into plain text a chat message can carry: tags removed,
/// script/style bodies dropped, entities decoded (so double-escaped titles come out right), whitespace
/// collapsed, block boundaries kept as line breaks.
/// </summary>
internal static class HtmlText
{
    [ThreadStatic] private static StringBuilder? _entity;

    public static string ToPlain(string? html) => ToPlain(html, unescapeLevels: 2);

    /// <summary>
    /// Text that holds markup once its references are decoded (a double-escaped "&amp;amp;lt;b&amp;amp;gt;") is
    /// markup too: it goes through again, at most <paramref name="unescapeLevels"/> more times.
    /// </summary>
    private static string ToPlain(string? html, int unescapeLevels)
    {
        if (string.IsNullOrEmpty(html)) return "";
        if (html.AsSpan().IndexOfAny('<', '&') < 0) return Collapse(html, lineBreaksAreText: true);
        var writer = new PlainTextWriter(html.Length, lineBreaksAreText: false);
        var entity = _entity ??= new StringBuilder(16);
        var decodedMarkup = false;
        var i = 0;
        while (i < html.Length)
        {
            var next = html.AsSpan(i).IndexOfAny('<', '&');
            if (next < 0) { writer.Text(html.AsSpan(i)); break; }
            writer.Text(html.AsSpan(i, next));
            i += next;
            if (html[i] == '<')
            {
                var tag = SkipTag(html, ref i);
                if (tag == TagKind.Block) writer.Break();
                else if (tag == TagKind.Inline) writer.Space();
                else if (tag == TagKind.NotATag) { writer.Char('<'); i++; }
                continue;
            }
            entity.Clear();
            var used = XmlEntities.TryDecode(html.AsSpan(i), entity);
            if (used == 0) { writer.Char('&'); i++; continue; }
            foreach (var chunk in entity.GetChunks())
            {
                decodedMarkup |= chunk.Span.Contains('<');
                writer.Text(chunk.Span);
            }
            i += used;
        }
        var text = writer.Finish();
        return decodedMarkup && unescapeLevels > 0 && HtmlMarkup.LooksLikeHtml(text) ? ToPlain(text, unescapeLevels - 1) : text;
    }

    /// <summary>Titles are one line: line breaks become single spaces.</summary>
    public static string? SingleLine(string? text) =>
        text is null || !text.Contains('\n') ? text : string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private enum TagKind { NotATag, Skipped, Block, Inline }

    private static TagKind SkipTag(string html, ref int i)
    {
        if (i + 1 >= html.Length) return TagKind.NotATag;
        var next = html[i + 1];
        if (html.AsSpan(i).StartsWith("<!--"))
        {
            var endComment = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
            i = endComment < 0 ? html.Length : endComment + 3;
            return TagKind.Skipped;
        }
        if (!char.IsAsciiLetter(next) && next is not ('/' or '!' or '?')) return TagKind.NotATag;
        var close = HtmlMarkup.TagEnd(html, i + 1);
        if (close < 0) return TagKind.NotATag;
        var nameStart = next == '/' ? i + 2 : i + 1;
        var nameEnd = nameStart;
        while (nameEnd < close && char.IsAsciiLetterOrDigit(html[nameEnd])) nameEnd++;
        var name = html.AsSpan(nameStart, nameEnd - nameStart);
        if (next != '/' && HtmlElements.IsRawText(name))
        {
            var end = html.IndexOf("</" + name.ToString(), close, StringComparison.OrdinalIgnoreCase);
            var endClose = end < 0 ? -1 : html.IndexOf('>', end);
            i = endClose < 0 ? html.Length : endClose + 1;
            return TagKind.Skipped;
        }
        i = close + 1;
        // Table cells in a feed's summary read as one line ("a b"), images as a word break.
        if (name.Equals("img", StringComparison.OrdinalIgnoreCase) || name.Equals("td", StringComparison.OrdinalIgnoreCase) || name.Equals("th", StringComparison.OrdinalIgnoreCase)) return TagKind.Inline;
        return HtmlElements.IsBlock(name) || name.Equals("br", StringComparison.OrdinalIgnoreCase) ? TagKind.Block : TagKind.Skipped;
    }

    /// <summary>
    /// Collapses runs of spaces to one and runs of breaks to at most one blank line; trims. In HTML source
    /// line breaks are just whitespace; only block elements break lines.
    /// </summary>
    public static string Collapse(string text, bool lineBreaksAreText = true)
    {
        var writer = new PlainTextWriter(text.Length, lineBreaksAreText);
        writer.Text(text);
        return writer.Finish();
    }
}
