using static AlertBot.Core.Feeds.Parsing.FeedNamespaces;
using AlertBot.Core.Text;

namespace AlertBot.Core.Feeds.Parsing;

/// <summary>RSS 0.9x/2.0 (&lt;rss&gt;) and RSS 0.90/1.0 (&lt;rdf:RDF&gt;), with Dublin Core, content:, media:, iTunes and atom: fallbacks.</summary>
internal static class RssReader
{
    /// <param name="streamed">Items already mapped while reading (see <see cref="ItemStream"/>).</param>
    public static Feed Read(XmlElement root, ReadContext cx, List<FeedItem> streamed)
    {
        var rdf = root.LocalName == "RDF";
        var channel = Core(root, "channel") ?? (root.LocalName == "channel" ? root : null);
        var scope = channel ?? root;

        // RDF puts items beside the channel, RSS inside it; the stream took them from either place.
        var items = streamed;

        var (author, email) = Person.Split(Text(Core(scope, "managingEditor")) ?? Text(Core(scope, "webMaster")) ?? Text(Core(scope, "author"))
            ?? Text(scope.Child(Dc, "creator")) ?? Text(scope.Child(Dc, "author")) ?? Text(scope.Child(Itunes, "author")) ?? Text(scope.Child(Dc, "publisher")));
        return new Feed(rdf ? FeedFormat.Rdf : FeedFormat.Rss, HtmlText.SingleLine(cx.Plain(Core(scope, "title") ?? scope.Child(Dc, "title"))), ChannelLink(scope), items)
        {
            Version = rdf ? (IsRss090(root) ? "0.9" : "1.0") : ReadContext.Trimmed(root.Attr("version")) ?? "2.0",
            Description = cx.Plain(Core(scope, "description") ?? scope.Child(Dc, "description") ?? scope.Child(Itunes, "summary") ?? scope.Child(Itunes, "subtitle")),
            Language = Text(Core(scope, "language")) ?? Text(scope.Child(Dc, "language")),
            Author = author ?? email,
            AuthorEmail = email,
            Published = FeedDate.Parse(Text(Core(scope, "pubDate")) ?? Text(scope.Child(DcTerms, "issued"))),
            Updated = FeedDate.Parse(Text(Core(scope, "lastBuildDate")) ?? Text(scope.Child(Dc, "date")) ?? Text(scope.Child(DcTerms, "modified")) ?? Text(scope.Child(Atom10, "updated"))),
            Categories = Categories(scope, cx),
        };
    }

    public static FeedItem Item(XmlElement e, ReadContext cx)
    {
        var guid = Core(e, "guid");
        var id = Text(guid) ?? ReadContext.Trimmed(e.Attr("about"));
        var link = LinkOf(e);
        if (link is null && guid is not null && !"false".Equals(guid.Attr("isPermaLink")?.Trim(), StringComparison.OrdinalIgnoreCase)
            && id is not null && (id.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || id.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            link = id;
        var (author, email) = Person.Split(Text(Core(e, "author")) ?? Text(e.Child(Dc, "creator")) ?? Text(e.Child(Itunes, "author"))
            ?? AtomPerson(e.Child(Atom10, "author")));
        var dcDate = Text(e.Child(Dc, "date"));
        var content = e.Child(Content, "encoded") ?? e.Child(Xhtml, "body") ?? Core(e, "body") ?? e.Child(Atom10, "content");
        var summary = Core(e, "description") ?? e.Child(Dc, "description") ?? e.Child(Itunes, "summary") ?? e.Child(Atom10, "summary");
        var media = MediaReader.Read(e);
        var contentHtml = content is null ? null : ReadContext.Trimmed(content.LocalName == "body" ? content.InnerMarkup(cx.Source) : cx.Raw(content));
        return new FeedItem
        {
            Id = id,
            Title = HtmlText.SingleLine(cx.Plain(Core(e, "title") ?? e.Child(Dc, "title") ?? e.Child(Atom10, "title")) ?? media.Title),
            Link = ReadContext.Url(e, link),
            Published = FeedDate.Parse(Text(Core(e, "pubDate")) ?? dcDate ?? Text(e.Child(DcTerms, "issued")) ?? Text(e.Child(DcTerms, "created")) ?? Text(e.Child(Atom10, "published"))),
            Updated = FeedDate.Parse(Text(e.Child(DcTerms, "modified")) ?? Text(e.Child(Atom10, "updated")) ?? dcDate),
            Author = author ?? email,
            AuthorEmail = email,
            // Consumers always get a teaser when the item has any text at all.
            Summary = cx.Plain(summary) ?? media.Description,
            // Consumers read the teaser of items without content, so the content's plain text is made only when asked for.
            TeaserHtml = contentHtml,
            Content = contentHtml,
            Categories = Merge(Categories(e, cx), media.Categories),
            Enclosures = Enclosures(e, media.Enclosures),
            ImageUrl = media.Image ?? ReadContext.Url(e, e.Child(Itunes, "image")?.Attr("href")),
        };
    }

    private static string? LinkOf(XmlElement e)
    {
        foreach (var link in e.Children)
        {
            if (link.LocalName != "link") continue;
            if (IsRssCore(link.Namespace)) { var text = ReadContext.Trimmed(link.Text) ?? ReadContext.Trimmed(link.Attr("href")); if (text is not null) return text; }
        }
        foreach (var link in e.ChildrenNamed(Atom10, "link"))
            if ((link.Attr("rel") ?? "alternate") == "alternate") return link.Attr("href");
        return null;
    }

    private static string? ChannelLink(XmlElement scope)
    {
        var link = LinkOf(scope);
        return link is null ? null : ReadContext.Url(scope, link);
    }

    private static List<FeedEnclosure> Enclosures(XmlElement e, List<FeedEnclosure> media)
    {
        var list = new List<FeedEnclosure>();
        foreach (var enc in e.Children)
        {
            if (enc.LocalName != "enclosure" || !IsRssCore(enc.Namespace)) continue;
            var url = ReadContext.Url(enc, enc.Attr("url") ?? enc.Attr("href"));
            if (url is null) continue;
            list.Add(new FeedEnclosure(url, ReadContext.Trimmed(enc.Attr("type")), long.TryParse(enc.Attr("length")?.Trim(), out var n) ? n : null));
        }
        foreach (var m in media)
            if (!list.Exists(x => x.Url == m.Url)) list.Add(m);
        return list;
    }

    private static List<string> Categories(XmlElement e, ReadContext cx)
    {
        var list = new List<string>();
        foreach (var c in e.Children)
        {
            string? term = null;
            if (c.LocalName == "category" && IsRssCore(c.Namespace)) term = cx.Plain(c);
            else if (c.Is(Dc, "subject")) term = cx.Plain(c);
            else if (c.Is(Itunes, "category"))
            {
                term = ReadContext.Trimmed(c.Attr("text"));
                foreach (var sub in c.ChildrenNamed(Itunes, "category"))
                    if (ReadContext.Trimmed(sub.Attr("text")) is { } nested && !list.Contains(nested)) list.Add(nested);
            }
            else if (c.Is(Itunes, "keywords"))
            {
                foreach (var keyword in c.DeepText().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    if (!list.Contains(keyword)) list.Add(keyword);
            }
            if (term is not null && !list.Contains(term)) list.Add(term);
        }
        return list;
    }


    /// <summary>RSS core element; names compared ignoring case, as iTunes and many readers do.</summary>
    private static XmlElement? Core(XmlElement parent, string localName)
    {
        // Indexed: a foreach over the read-only list boxes an enumerator, and this runs for every field of every item.
        var children = parent.Children;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            if (IsRssCore(child.Namespace) && child.LocalName.Equals(localName, StringComparison.OrdinalIgnoreCase)) return child;
        }
        return null;
    }

    /// <summary>Netscape's RSS 0.90 is RDF in its own namespace; an empty document only shows it in the declarations.</summary>
    private static bool IsRss090(XmlElement root) =>
        root.Children.Any(c => c.Namespace == Rss090) || root.Attributes.Count == 0 && root.Children.Count == 0 && root.DefaultNamespace == Rss090;

    private static string? AtomPerson(XmlElement? person)
    {
        var name = Text(person?.Child(Atom10, "name"));
        var email = Text(person?.Child(Atom10, "email"));
        return name is not null && email is not null ? $"{name} <{email}>" : name ?? email;
    }

    private static List<string> Merge(List<string> list, List<string> more)
    {
        foreach (var item in more)
            if (!list.Contains(item)) list.Add(item);
        return list;
    }

    private static string? Text(XmlElement? e) => e is null ? null : ReadContext.Trimmed(e.DeepText());
}
