using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace AlertBot.Core.Articles;

/// <summary>
/// Turns an HTML fragment from a feed (content:encoded, Atom html content) into plain text, one line
/// per block element. Markup, scripts and styles never reach chat.
/// </summary>
public static class HtmlFragmentText
{
    private static readonly HashSet<string> s_blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "br", "section", "article", "header", "footer", "figcaption", "pre", "ul", "ol", "table", "hr",
    };

    private static readonly HashSet<string> s_skipped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "template", "iframe", "svg" };

    /// <summary>True when the text contains markup worth parsing rather than plain text.</summary>
    public static bool LooksLikeHtml(string text) =>
        text.Contains('<', StringComparison.Ordinal) && (text.Contains("</", StringComparison.Ordinal) || text.Contains("/>", StringComparison.Ordinal) || text.Contains("<br", StringComparison.OrdinalIgnoreCase));

    public static string ToPlainText(string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        var document = parser.ParseDocument("<!doctype html><html><body></body></html>");
        var nodes = parser.ParseFragment(html, document.Body!);
        var sb = new StringBuilder(html.Length / 2);
        foreach (var node in nodes) Append(node, sb);
        var lines = sb.ToString().Split('\n').Select(NormalizeSpaces).Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    private static void Append(INode node, StringBuilder sb)
    {
        switch (node)
        {
            case IText text:
                sb.Append(text.Data);
                break;
            case IElement element when s_skipped.Contains(element.LocalName):
                break;
            case IElement element:
                var block = s_blocks.Contains(element.LocalName);
                if (block) sb.Append('\n');
                foreach (var child in element.ChildNodes) Append(child, sb);
                if (element.LocalName is "td" or "th") sb.Append(" | ");
                if (block) sb.Append('\n');
                break;
        }
    }

    private static string NormalizeSpaces(string line)
    {
        var sb = new StringBuilder(line.Length);
        var space = false;
        foreach (var ch in line)
        {
            if (char.IsWhiteSpace(ch)) { space = sb.Length > 0; continue; }
            if (space) sb.Append(' ');
            sb.Append(ch);
            space = false;
        }
        return sb.ToString();
    }
}
