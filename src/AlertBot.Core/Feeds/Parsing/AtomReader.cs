using static AlertBot.Core.Feeds.Parsing.FeedNamespaces;
using AlertBot.Core.Text;

namespace AlertBot.Core.Feeds.Parsing;

/// <summary>Atom 1.0 and its predecessor 0.3 (issued/modified, tagline, mode="escaped|base64").</summary>
internal static class AtomReader
{
    /// <param name="streamed">Entries already mapped while reading (see <see cref="ItemStream"/>).</param>
    public static Feed Read(XmlElement root, ReadContext cx, List<FeedItem> streamed)
    {
        var ns = root.Namespace;
        var items = streamed;
        var (author, email) = PersonOf(root.Child(ns, "author"), ns);
        return new Feed(FeedFormat.Atom, HtmlText.SingleLine(AtomText.Plain(root.Child(ns, "title"), cx)), AlternateLink(root, ns), items)
        {
            Version = ns == Atom03 ? "0.3" : "1.0",
            Description = AtomText.Plain(root.Child(ns, "subtitle") ?? root.Child(ns, "tagline"), cx),
            Language = ReadContext.Trimmed(root.Attr("lang")),
            Author = author ?? email,
            AuthorEmail = email,
            Updated = FeedDate.Parse(Text(root.Child(ns, "updated") ?? root.Child(ns, "modified"))),
            Published = FeedDate.Parse(Text(root.Child(ns, "published") ?? root.Child(ns, "issued"))),
            Categories = Categories(root, ns),
        };
    }

    public static FeedItem Entry(XmlElement e, string? ns, ReadContext cx)
    {
        var (author, email) = PersonOf(e.Child(ns, "author") ?? e.Child(Dc, "creator"), ns);
        var content = e.Child(ns, "content");
        var summary = e.Child(ns, "summary");
        var published = Text(e.Child(ns, "published") ?? e.Child(ns, "issued") ?? e.Child(Dc, "date"));
        var updated = Text(e.Child(ns, "updated") ?? e.Child(ns, "modified"));
        var media = MediaReader.Read(e);
        var enclosures = new List<FeedEnclosure>();
        foreach (var link in e.ChildrenNamed(ns, "link"))
        {
            if (link.Attr("rel")?.Trim() != "enclosure") continue;
            var url = ReadContext.Url(link, link.Attr("href"));
            if (url is not null) enclosures.Add(new FeedEnclosure(url, ReadContext.Trimmed(link.Attr("type")), long.TryParse(link.Attr("length")?.Trim(), out var n) ? n : null));
        }
        foreach (var m in media.Enclosures)
            if (!enclosures.Exists(x => x.Url == m.Url)) enclosures.Add(m);
        return new FeedItem
        {
            Id = Id(e.Child(ns, "id")),
            Title = HtmlText.SingleLine(AtomText.Plain(e.Child(ns, "title"), cx) ?? media.Title),
            Link = AlternateLink(e, ns),
            // Atom 0.3 feeds often carry only <modified>: a date is better than none.
            Published = FeedDate.Parse(published ?? (ns == Atom03 ? updated : null)),
            Updated = FeedDate.Parse(updated),
            Author = author ?? email,
            AuthorEmail = email,
            // Consumers always get a teaser when the entry has any text at all.
            Summary = AtomText.Plain(summary, cx) ?? media.Description ?? AtomText.Plain(content, cx),
            Content = AtomText.Html(content, cx),
            Categories = Merge(Categories(e, ns), media.Categories),
            Enclosures = enclosures,
            ImageUrl = media.Image,
        };
    }

    private static string? AlternateLink(XmlElement e, string? ns)
    {
        XmlElement? fallback = null;
        foreach (var link in e.ChildrenNamed(ns, "link"))
        {
            var rel = link.Attr("rel")?.Trim();
            // Atom 0.3 feeds sometimes put the URL in the element's text instead of href.
            var href = link.Attr("href") ?? ReadContext.Trimmed(link.Text);
            if (href is null) continue;
            if (rel is null or "alternate") return ReadContext.Url(link, href);
            if (rel is not ("self" or "enclosure" or "edit" or "replies")) fallback ??= link;
        }
        return fallback is null ? null : ReadContext.Url(fallback, fallback.Attr("href") ?? fallback.Text);
    }

    private static (string? Name, string? Email) PersonOf(XmlElement? person, string? ns)
    {
        if (person is null) return (null, null);
        if (person.Children.Count == 0) return Person.Split(person.Text);
        var name = Text(person.Child(ns, "name"));
        var email = Text(person.Child(ns, "email"));
        return (name, email);
    }

    private static List<string> Categories(XmlElement e, string? ns)
    {
        var list = new List<string>();
        foreach (var c in e.ChildrenNamed(ns, "category"))
        {
            // term is the category itself (required by Atom); label is only an optional display form.
            var term = ReadContext.Trimmed(c.Attr("term")) ?? ReadContext.Trimmed(c.Attr("label")) ?? ReadContext.Trimmed(c.Text);
            if (term is not null && !list.Contains(term)) list.Add(term);
        }
        foreach (var c in e.ChildrenNamed(Dc, "subject"))
            if (ReadContext.Trimmed(c.Text) is { } term && !list.Contains(term)) list.Add(term);
        return list;
    }

    /// <summary>Atom ids are IRIs: a relative one is resolved against xml:base like any other reference.</summary>
    private static string? Id(XmlElement? e)
    {
        var id = Text(e);
        if (id is null || e!.Base is null || id.Contains(':')) return id;
        return ReadContext.Url(e, id);
    }

    private static List<string> Merge(List<string> list, List<string> more)
    {
        foreach (var item in more)
            if (!list.Contains(item)) list.Add(item);
        return list;
    }

    private static string? Text(XmlElement? e) => e is null ? null : ReadContext.Trimmed(e.DeepText());
}
