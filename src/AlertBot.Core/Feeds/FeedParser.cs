using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace AlertBot.Core.Feeds;

/// <summary>
/// Parses RSS 2.0 and Atom from raw bytes. Sample-grade: the full parser replaces this body.
/// Never processes a DTD and never resolves external entities.
/// </summary>
public static class FeedParser
{
    public static FeedParseResult Parse(ReadOnlySpan<byte> data, Uri? feedUrl = null, string? contentType = null)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 50_000_000 };
        XDocument doc;
        try
        {
            using var stream = new MemoryStream(data.ToArray());
            using var reader = XmlReader.Create(stream, settings);
            doc = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            return FeedParseResult.Fail($"not a feed: the XML is malformed ({ex.Message})");
        }

        var root = doc.Root!;
        XNamespace atom = "http://www.w3.org/2005/Atom";
        if (root.Name == atom + "feed")
        {
            var items = root.Elements(atom + "entry").Select(e => new FeedItem
            {
                Id = e.Element(atom + "id")?.Value,
                Title = e.Element(atom + "title")?.Value.Trim(),
                Link = Resolve(feedUrl, e.Elements(atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value),
                Published = Date(e.Element(atom + "published")?.Value),
                Updated = Date(e.Element(atom + "updated")?.Value),
                Author = e.Element(atom + "author")?.Element(atom + "name")?.Value,
                Summary = e.Element(atom + "summary")?.Value,
                Content = e.Element(atom + "content")?.Value,
            }).ToList();
            return FeedParseResult.Ok(new Feed(FeedFormat.Atom, root.Element(atom + "title")?.Value, null, items));
        }

        if (root.Name.LocalName == "rss")
        {
            XNamespace content = "http://purl.org/rss/1.0/modules/content/";
            var channel = root.Element("channel");
            var items = (channel?.Elements("item") ?? []).Select(e => new FeedItem
            {
                Id = e.Element("guid")?.Value,
                Title = e.Element("title")?.Value.Trim(),
                Link = Resolve(feedUrl, e.Element("link")?.Value.Trim()),
                Published = Date(e.Element("pubDate")?.Value),
                Author = e.Element("author")?.Value,
                Summary = e.Element("description")?.Value,
                Content = e.Element(content + "encoded")?.Value,
                Categories = e.Elements("category").Select(c => c.Value).ToList(),
            }).ToList();
            return FeedParseResult.Ok(new Feed(FeedFormat.Rss, channel?.Element("title")?.Value, channel?.Element("link")?.Value, items));
        }

        return FeedParseResult.Fail($"not a feed: the document's root element is <{root.Name.LocalName}>");
    }

    private static string? Resolve(Uri? baseUri, string? link) =>
        link is null ? null
        : baseUri is not null && Uri.TryCreate(baseUri, link, out var abs) ? abs.ToString()
        : link;

    private static DateTimeOffset? Date(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;
}
