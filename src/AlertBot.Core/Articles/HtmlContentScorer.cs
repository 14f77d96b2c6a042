using AlertBot.Core.Text;
using AngleSharp.Dom;

namespace AlertBot.Core.Articles;

/// <summary>
/// Finds the elements holding the article by main-content scoring (the readability idea, written for us):
/// every paragraph of real prose votes for its parent and, more weakly, its ancestors; a container's score is
/// discounted by its link density; the best container wins, with siblings that look like more of the same.
/// </summary>
internal static class HtmlContentScorer
{
    private const int MinParagraphLength = 25;
    private const int AncestorLevels = 4;

    /// <param name="stats">The text statistics of <paramref name="body"/> as it is now.</param>
    public static IReadOnlyList<IElement> SelectContent(IElement body, HtmlTextStats stats)
    {
        var scores = new Dictionary<IElement, double>(ReferenceEqualityComparer.Instance);

        foreach (var paragraph in ParagraphNodes(body))
        {
            var length = stats.TextLength(paragraph);
            if (length < MinParagraphLength) continue;
            var text = paragraph.TextContent;
            var score = 1.0 + text.Count(c => c is ',' or '，') + Math.Min(length / 100.0, 3.0);
            var ancestor = paragraph.ParentElement;
            for (var level = 0; ancestor is not null && level < AncestorLevels; level++, ancestor = ancestor.ParentElement)
            {
                if (!scores.ContainsKey(ancestor)) scores[ancestor] = InitialScore(ancestor);
                scores[ancestor] += level switch { 0 => score, 1 => score / 2, _ => score / (level * 3) };
            }
        }
        if (scores.Count == 0) return [body];

        IElement? top = null;
        var topScore = double.MinValue;
        foreach (var (element, raw) in scores)
        {
            var final = raw * (1 - stats.LinkDensity(element));
            scores[element] = final;
            if (final > topScore) (top, topScore) = (element, final);
        }
        if (top is null || topScore <= 0) return [body];
        return WithSiblings(top, topScore, scores, stats);
    }

    private static List<IElement> WithSiblings(IElement top, double topScore, Dictionary<IElement, double> scores, HtmlTextStats stats)
    {
        var parent = top.ParentElement;
        if (parent is null) return [top];
        var threshold = Math.Max(10, topScore * 0.2);
        var result = new List<IElement>();
        foreach (var sibling in parent.Children)
        {
            if (ReferenceEquals(sibling, top)) { result.Add(sibling); continue; }
            var bonus = !string.IsNullOrEmpty(top.ClassName) && sibling.ClassName == top.ClassName ? topScore * 0.2 : 0;
            if (scores.TryGetValue(sibling, out var s) && s + bonus >= threshold) { result.Add(sibling); continue; }
            if (sibling.LocalName != "p") continue;
            var length = stats.TextLength(sibling);
            var density = stats.LinkDensity(sibling);
            var text = sibling.TextContent.Trim();
            if ((length > 80 && density < 0.25) || (length > 0 && density == 0 && LineShape.EndsLikeSentence(text)))
                result.Add(sibling);
        }
        return result;
    }

    /// <summary>Paragraph-like nodes: p, pre, td, blockquote, and divs that hold only inline content.</summary>
    private static IEnumerable<IElement> ParagraphNodes(IElement body)
    {
        foreach (var element in body.QuerySelectorAll("p,pre,td,blockquote,div,section,li"))
        {
            if (element.LocalName is "p" or "pre" or "td") yield return element;
            else if (!HasBlockChild(element)) yield return element;
        }
    }

    private static bool HasBlockChild(IElement element)
    {
        foreach (var child in element.Children)
        {
            if (HtmlElements.IsBlock(child.LocalName)) return true;
        }
        return false;
    }

    private static double InitialScore(IElement element)
    {
        var score = element.LocalName switch
        {
            "article" => 10,
            "div" or "main" or "section" => 5,
            "pre" or "td" or "blockquote" => 3,
            "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "address" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        return score + HtmlJunkRemover.ClassWeight(element);
    }
}
