using System.Xml;
using System.Xml.Linq;

namespace AlertBot.Core.Topics;

/// <summary>
/// OPML 2.0 subscription lists, the format feed readers exchange: one <c>&lt;outline type="rss" xmlUrl="…"&gt;</c> per
/// feed. Reading never processes a DTD or resolves an entity, and takes feeds from outlines at any depth.
/// </summary>
public static class Opml
{
    /// <summary>Largest OPML document read (a list of feeds, not a feed).</summary>
    public const int MaxChars = 2 * 1024 * 1024;

    /// <summary>The media type OPML files are sent with.</summary>
    public const string ContentType = "text/x-opml";

    public static string Write(string title, IEnumerable<OpmlFeed> feeds)
    {
        var body = new XElement("body", feeds.Select(f =>
        {
            var outline = new XElement("outline", new XAttribute("type", "rss"), new XAttribute("text", f.Title ?? f.Url), new XAttribute("xmlUrl", f.Url));
            if (f.Title is not null) outline.Add(new XAttribute("title", f.Title));
            return outline;
        }));
        var doc = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("opml", new XAttribute("version", "2.0"), new XElement("head", new XElement("title", title)), body));
        using var writer = new Utf8StringWriter();
        doc.Save(writer);
        return writer.ToString();
    }

    /// <returns>The feeds, or null with the reason when the text is not OPML.</returns>
    public static (IReadOnlyList<OpmlFeed>? Feeds, string? Error) Read(string text)
    {
        if (text.Length > MaxChars) return (null, $"the OPML document is larger than {MaxChars / 1024} KiB");
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxChars };
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            var doc = XDocument.Load(reader);
            if (doc.Root?.Name.LocalName != "opml") return (null, "not an OPML document (no <opml> root)");
            var feeds = doc.Root.Descendants().Where(e => e.Name.LocalName == "outline")
                .Select(e => (Url: (string?)e.Attribute("xmlUrl"), Title: (string?)e.Attribute("title") ?? (string?)e.Attribute("text")))
                .Where(e => !string.IsNullOrWhiteSpace(e.Url))
                .Select(e => new OpmlFeed(e.Url!.Trim(), string.IsNullOrWhiteSpace(e.Title) ? null : e.Title.Trim()))
                .ToList();
            return (feeds, null);
        }
        catch (XmlException ex)
        {
            return (null, "not valid OPML: " + ex.Message);
        }
    }

    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter() : base(System.Globalization.CultureInfo.InvariantCulture) { }

        public override System.Text.Encoding Encoding => new System.Text.UTF8Encoding(false);
    }
}
