using System.Text;
using AlertBot.Core.Text;
using AngleSharp.Dom;

namespace AlertBot.Core.Articles;

/// <summary>
/// Writes the text of chosen elements as lines: one per block (paragraph, heading, list item "- …"), tables as
/// pipe rows ("| a | b |") so the figure extractor can read their headers. Iterative, never recursive.
/// </summary>
internal sealed class HtmlBlockWriter
{
    private readonly List<string> _lines = [];
    private readonly StringBuilder _buffer = new();
    private readonly HtmlTextStats? _stats;

    private HtmlBlockWriter(HtmlTextStats? stats) => _stats = stats;

    /// <summary>Lines of the given elements in order. Link-dominated blocks (share bars, "Read more: …") are skipped when stats are given.</summary>
    public static List<string> Write(IEnumerable<IElement> elements, HtmlTextStats? stats)
    {
        var writer = new HtmlBlockWriter(stats);
        foreach (var element in elements) writer.WriteElement(element);
        writer.Flush();
        return writer._lines;
    }

    private void WriteElement(IElement root)
    {
        var stack = new Stack<(INode Node, bool Exiting)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, exiting) = stack.Pop();
            if (node is IText text)
            {
                _buffer.Append(text.Data);
                continue;
            }
            if (node is not IElement element) continue;
            var name = element.LocalName;
            if (exiting)
            {
                if (HtmlElements.IsBlock(name)) Flush();
                continue;
            }
            if (name == "br") { Flush(); continue; }
            if (name == "img") continue;
            if (name == "table") { Flush(); WriteTable(element); continue; }
            if (HtmlElements.IsBlock(name))
            {
                Flush();
                if (SkipAsLinkList(element)) continue;
                if (name == "li") _buffer.Append("- ");
            }
            stack.Push((element, true));
            var children = element.ChildNodes; // by index: sibling links are a linear search in AngleSharp
            for (var k = children.Length - 1; k >= 0; k--) stack.Push((children[k], false));
        }
    }

    private bool SkipAsLinkList(IElement element) =>
        _stats is not null && element.LocalName is "p" or "div" or "ul" or "ol" or "li" or "section"
        && _stats.LinkDensity(element) > 0.6 && _stats.TextLength(element) < 300;

    private void WriteTable(IElement table)
    {
        var rows = table.QuerySelectorAll("tr").Where(r => r.Closest("table") == table).ToList();
        var cells = rows.Select(r => r.Children.Where(c => c.LocalName is "td" or "th").Select(c => HtmlText.Collapse(c.TextContent, lineBreaksAreText: false)).ToList())
            .Where(r => r.Count > 0 && r.Any(c => c.Length > 0)).ToList();
        var columns = cells.Count == 0 ? 0 : cells.Max(r => r.Count);
        if (cells.Count < 2 || columns < 2)
        {
            // A layout table, not data: its cells are ordinary paragraphs.
            foreach (var cell in cells.SelectMany(r => r).Where(c => c.Length > 0)) _lines.Add(cell);
            return;
        }
        var caption = table.QuerySelector("caption");
        if (caption is not null && HtmlText.Collapse(caption.TextContent, lineBreaksAreText: false) is { Length: > 0 } c) _lines.Add(c);
        for (var i = 0; i < cells.Count; i++)
        {
            _lines.Add("| " + string.Join(" | ", cells[i].Select(x => x.Replace('|', '/'))) + " |");
            if (i == 0) _lines.Add("|" + string.Concat(Enumerable.Repeat("---|", cells[i].Count)));
        }
    }

    private void Flush()
    {
        var line = HtmlText.Collapse(_buffer.ToString(), lineBreaksAreText: false);
        _buffer.Clear();
        if (line.Length > 0 && line != "-") _lines.Add(line);
    }
}
