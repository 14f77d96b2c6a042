using AlertBot.Core.Feeds.Parsing;
using AlertBot.Core.Text;

namespace AlertBot.Core.Feeds;

/// <summary>
/// Reads RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 0.3/1.0 and JSON Feed 1.x from raw bytes. Malformed XML is recovered
/// where a person could still read it (with warnings); anything else is a clear error, never an exception.
/// No DTD is processed and no external entity is resolved, ever.
/// </summary>
public static class FeedParser
{
    /// <param name="feedUrl">Where the document came from: the base for relative links.</param>
    /// <param name="contentType">The HTTP Content-Type, whose charset is an encoding hint.</param>
    public static FeedParseResult Parse(ReadOnlySpan<byte> data, Uri? feedUrl = null, string? contentType = null) =>
        Parse(data, feedUrl, contentType, FeedParserOptions.Default);

    public static FeedParseResult Parse(ReadOnlySpan<byte> data, Uri? feedUrl, string? contentType, FeedParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (data.Length > options.MaxBytes)
            return FeedParseResult.Fail($"not a feed: the document is larger than the {options.MaxBytes / (1024 * 1024)} MiB limit");
        try
        {
            return ParseChecked(data, feedUrl, contentType, options);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Last line of defence: one bad document must never take the bot down.
            return FeedParseResult.Fail($"not a feed: the document could not be read ({ex.GetType().Name})");
        }
    }

    private static FeedParseResult ParseChecked(ReadOnlySpan<byte> data, Uri? feedUrl, string? contentType, FeedParserOptions options)
    {
        if (feedUrl is not null && (!feedUrl.IsAbsoluteUri || !UrlSafety.IsWebOrFile(feedUrl))) feedUrl = null;
        var decoded = TextDecoder.Decode(data, contentType);
        var text = decoded.Text;
        var start = 0;
        while (start < text.Length && (char.IsWhiteSpace(text[start]) || text[start] is '\uFEFF' or '\0')) start++;
        if (start == text.Length) return FeedParseResult.Fail("not a feed: the document is empty");

        var cx = new ReadContext(text, options.MaxItems);
        if (decoded.Doubtful) cx.Warnings.Add($"the declared character encoding did not fit; read as {decoded.EncodingName}");
        if (text[start] is '{' or '[') return JsonFeedReader.Read(text[start..], feedUrl, cx, decoded.EncodingName);
        if (text[start] != '<') return FeedParseResult.Fail("not a feed: the document is neither XML nor JSON");

        if (HtmlMarkup.IsHtmlDocument(text)) return HtmlPage(text, feedUrl);

        var stream = new ItemStream(cx);
        var xml = LenientXmlParser.Parse(text, feedUrl, new XmlLimits(options.MaxDepth), stream.OnClosed);
        var root = xml.Root;
        if (root is null) return FeedParseResult.Fail("not a feed: the document contains no XML elements");
        cx.Warnings.AddRange(xml.Warnings);

        Feed feed;
        var name = root.LocalName;
        if (name.Equals("rss", StringComparison.OrdinalIgnoreCase) || name == "RDF" || name == "channel") feed = RssReader.Read(root, cx, stream.Items);
        else if (name == "feed") feed = AtomReader.Read(root, cx, stream.Items);
        else if (name.Equals("html", StringComparison.OrdinalIgnoreCase)) return HtmlPage(text, feedUrl);
        else return FeedParseResult.Fail($"not a feed: the document's root element is <{root.LocalName}>, not <rss>, <rdf:RDF> or <feed>");

        return FeedParseResult.Ok(feed with { Encoding = decoded.EncodingName }, cx.Warnings.Distinct().ToList());
    }

    private static FeedParseResult HtmlPage(string text, Uri? pageUrl)
    {
        var feeds = HtmlFeedDiscovery.Discover(text, pageUrl);
        return feeds.Count == 0
            ? FeedParseResult.Fail("not a feed: the server returned an HTML page that announces no feed")
            : FeedParseResult.Fail($"not a feed: the server returned an HTML page; it announces {(feeds.Count == 1 ? "this feed" : "these feeds")}: {string.Join(", ", feeds)}", feeds);
    }
}
