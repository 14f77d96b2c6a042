using System.Text;

namespace AlertBot.Core.Articles;

/// <summary>Tells HTML from plain text by its first bytes, for files and feed content without a reliable type.</summary>
internal static class HtmlSniffer
{
    private static readonly string[] Markers = ["<!doctype html", "<html", "<head", "<body", "<article", "<div", "<p>", "<p ", "<br", "<h1", "<h2", "<ul", "<table", "<span", "<a ", "<img", "<em>", "<strong>", "<li>"];

    public static bool LooksLikeHtml(byte[] bytes) =>
        LooksLikeHtml(Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 4096)));

    public static bool LooksLikeHtml(string text)
    {
        var head = text.Length > 4096 ? text[..4096] : text;
        foreach (var marker in Markers)
        {
            if (head.Contains(marker, StringComparison.OrdinalIgnoreCase)) return true;
        }
        // Closing tags of inline markup also give HTML away ("<b>3,000</b> troops").
        return head.Contains("</", StringComparison.Ordinal) && head.Contains('>');
    }
}
