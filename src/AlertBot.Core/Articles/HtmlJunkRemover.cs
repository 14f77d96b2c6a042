using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace AlertBot.Core.Articles;

/// <summary>
/// Removes what is never article text: scripts, styles, forms, navigation, sidebars, footers, hidden elements,
/// and blocks whose class or id says they are comments, share bars, related links or ads.
/// </summary>
internal static partial class HtmlJunkRemover
{
    private const string AlwaysJunk =
        "script,style,noscript,template,iframe,frame,frameset,object,embed,svg,canvas,math,form,button,input,select,textarea,"
        + "nav,aside,footer,header,menu,dialog,video,audio,figcaption,link,meta,[hidden],[aria-hidden=true],[role=navigation],"
        + "[role=complementary],[role=banner],[role=contentinfo],[role=dialog],[role=alert]";

    public static void Remove(IDocument document)
    {
        foreach (var element in document.QuerySelectorAll(AlwaysJunk).ToList()) element.Remove();
        RemoveComments(document);

        var body = document.Body;
        if (body is null) return;
        var stats = new HtmlTextStats(body);
        var bodyText = Math.Max(1, stats.TextLength(body));
        foreach (var element in body.QuerySelectorAll("*").ToList())
        {
            if (element.LocalName is "article" or "main" or "body" || element.Parent is null) continue;
            if (IsHiddenByStyle(element) || (IsUnlikely(element) && (stats.TextLength(element) < 0.3 * bodyText || stats.LinkDensity(element) > 0.5)))
                element.Remove();
        }
    }

    /// <summary>Class and id hints: +25 for article-like names, -25 for furniture-like names (readability's idea).</summary>
    public static int ClassWeight(IElement element)
    {
        var names = Names(element);
        if (names.Length == 0) return 0;
        var weight = 0;
        if (Negative().IsMatch(names)) weight -= 25;
        if (Positive().IsMatch(names)) weight += 25;
        return weight;
    }

    private static bool IsUnlikely(IElement element)
    {
        var names = Names(element);
        return names.Length > 0 && Negative().IsMatch(names) && !Positive().IsMatch(names);
    }

    private static string Names(IElement element) =>
        (element.ClassName + " " + element.Id + " " + element.GetAttribute("itemprop")).Trim();

    private static bool IsHiddenByStyle(IElement element)
    {
        var style = element.GetAttribute("style");
        return style is not null && HiddenStyle().IsMatch(style);
    }

    private static void RemoveComments(IDocument document)
    {
        // Iterative walk: hostile pages nest deeper than any recursion would survive.
        var stack = new Stack<INode>();
        stack.Push(document);
        var comments = new List<INode>();
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            foreach (var child in node.ChildNodes)
            {
                if (child.NodeType == NodeType.Comment) comments.Add(child);
                else if (child.HasChildNodes) stack.Push(child);
            }
        }
        foreach (var comment in comments) comment.Parent?.RemoveChild(comment);
    }

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();

    [GeneratedRegex(@"comment|disqus|share|sharing|social|related|recommend|sidebar|widget|newsletter|promo|advert|sponsor|\bads?\b|\bad-|cookie|consent|popup|modal|subscribe|paywall|footer|masthead|menu|\bnav|breadcrumb|\btags?\b|tag-list|byline|author|\bbio\b|toolbar|outbrain|taboola|signup|skip|pagination|print|most-?read|trending|more-stories", RegexOptions.IgnoreCase)]
    private static partial Regex Negative();

    [GeneratedRegex(@"article|\bbody|content|\bmain|story|\btext|entry|post-?body|prose|blog|\bpost\b", RegexOptions.IgnoreCase)]
    private static partial Regex Positive();
}
