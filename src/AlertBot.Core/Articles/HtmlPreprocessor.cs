using System.Text;
using AlertBot.Core.Text;

namespace AlertBot.Core.Articles;

/// <summary>
/// One linear pass over raw HTML before the real parser sees it: drops script, style and comment bodies (so
/// megabytes of inline JSON do not push the article past the size cap) and flattens nesting beyond a depth
/// limit. The HTML tree builder is quadratic in nesting depth (100,000 nested divs took minutes), so a hostile
/// page is defused here, where it costs one scan.
/// </summary>
internal static class HtmlPreprocessor
{
    public static string Prepare(string html, int maxDepth, int maxChars)
    {
        var sb = new StringBuilder(Math.Min(html.Length, maxChars) + 16);
        int depth = 0, skipped = 0, i = 0;
        while (i < html.Length && sb.Length < maxChars)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0) { sb.Append(html, i, html.Length - i); break; }
            sb.Append(html, i, lt - i);
            if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }
            var gt = html.IndexOf('>', lt + 1);
            if (gt < 0) { sb.Append(html, lt, html.Length - lt); break; }
            var closing = lt + 1 < html.Length && html[lt + 1] == '/';
            var name = TagName(html, closing ? lt + 2 : lt + 1);
            if (name.Length == 0) { sb.Append('<'); i = lt + 1; continue; }

            if (!closing && HtmlElements.IsRawText(name))
            {
                // Skip to the matching close tag; the element carries no article text.
                var close = html.IndexOf("</" + name, gt + 1, StringComparison.OrdinalIgnoreCase);
                var closeEnd = close < 0 ? -1 : html.IndexOf('>', close);
                i = closeEnd < 0 ? html.Length : closeEnd + 1;
                continue;
            }

            var selfClosing = html[gt - 1] == '/' || HtmlElements.IsStandalone(name);
            if (closing && HtmlElements.IsStandalone(name))
            {
                sb.Append(html, lt, gt - lt + 1); // p and li close implicitly, so they never counted
            }
            else if (closing)
            {
                if (skipped > 0) skipped--;
                else { depth = Math.Max(0, depth - 1); sb.Append(html, lt, gt - lt + 1); }
            }
            else if (selfClosing)
            {
                sb.Append(html, lt, gt - lt + 1);
            }
            else if (depth >= maxDepth)
            {
                skipped++;
            }
            else
            {
                depth++;
                sb.Append(html, lt, gt - lt + 1);
            }
            i = gt + 1;
        }
        return sb.ToString();
    }

    private static string TagName(string html, int start)
    {
        var end = start;
        while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] is '-' or ':')) end++;
        return end > start && char.IsAsciiLetter(html[start]) ? html[start..end] : "";
    }
}
