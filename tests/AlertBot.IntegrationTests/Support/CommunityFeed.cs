using System.Security;

namespace AlertBot.IntegrationTests.Support;

/// <summary>The documents a community's loopback server serves in the moderator flows: an RSS feed and an OPML list.</summary>
internal static class CommunityFeed
{
    /// <summary>
    /// An RSS feed titled "Community news", one item per (guid, title), a day apart from 1 September 2025. Each item's
    /// text is its title alone, so items with different titles are different stories (each its own alert).
    /// </summary>
    public static string Rss(IEnumerable<(string Guid, string Title)> items) =>
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Community news</title>" +
        string.Concat(items.Select((i, n) =>
            $"<item><guid>{i.Guid}</guid><title>{SecurityElement.Escape(i.Title)}</title><link>http://news.test/{i.Guid}</link>" +
            $"<pubDate>{new DateTimeOffset(2025, 9, 1 + n, 10, 0, 0, TimeSpan.Zero).ToString("R", System.Globalization.CultureInfo.InvariantCulture)}</pubDate>" +
            $"<description>{SecurityElement.Escape(i.Title)}.</description></item>")) +
        "</channel></rss>";

    /// <summary>An OPML list of the given feeds.</summary>
    public static string Opml(params Uri[] feeds) =>
        "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>Shared list</title></head><body>" +
        string.Concat(feeds.Select(f => $"<outline type=\"rss\" text=\"{f.AbsolutePath}\" xmlUrl=\"{SecurityElement.Escape(f.ToString())}\"/>")) +
        "</body></opml>";
}
