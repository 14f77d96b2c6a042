using AngleSharp.Dom;

namespace AlertBot.Core.Articles;

/// <summary>
/// Text length and link-text length of every element, computed in one iterative post-order pass (no recursion,
/// so a hostile page nested a hundred thousand levels deep cannot overflow the stack).
/// </summary>
internal sealed class HtmlTextStats
{
    private readonly Dictionary<IElement, (int Text, int Link)> _stats = new(ReferenceEqualityComparer.Instance);

    public HtmlTextStats(IElement root)
    {
        var stack = new Stack<(INode Node, bool Exiting)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, exiting) = stack.Pop();
            if (node is not IElement element) continue;
            if (!exiting)
            {
                stack.Push((element, true));
                // ChildNodes by index: AngleSharp's PreviousSibling/NextSibling search the parent's list (quadratic).
                var children = element.ChildNodes;
                for (var k = children.Length - 1; k >= 0; k--)
                {
                    if (children[k] is IElement child) stack.Push((child, false));
                }
                continue;
            }
            int text = 0, link = 0;
            foreach (var child in element.ChildNodes)
            {
                if (child is IText t) text += VisibleLength(t.Data);
                else if (child is IElement e && _stats.TryGetValue(e, out var s)) { text += s.Text; link += s.Link; }
            }
            if (element.LocalName == "a") link = text;
            _stats[element] = (text, link);
        }
    }

    public int TextLength(IElement e) => _stats.TryGetValue(e, out var s) ? s.Text : 0;

    public double LinkDensity(IElement e) =>
        _stats.TryGetValue(e, out var s) && s.Text > 0 ? (double)s.Link / s.Text : 0;

    /// <summary>Length with whitespace runs counted as one character, as a reader sees it.</summary>
    public static int VisibleLength(ReadOnlySpan<char> data)
    {
        var length = 0;
        var inSpace = true;
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!inSpace) length++;
                inSpace = true;
            }
            else
            {
                length++;
                inSpace = false;
            }
        }
        return length;
    }
}
