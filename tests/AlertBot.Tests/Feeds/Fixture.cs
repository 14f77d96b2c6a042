using System.Text;
using AlertBot.Core.Feeds;

namespace AlertBot.Tests.Feeds;

/// <summary>Fixture feeds copied to the test output, and a shortcut for parsing inline documents.</summary>
internal static class Fixture
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Feeds", "Fixtures", name));

    public static Feed Parse(string name, string? url = null) => Ok(FeedParser.Parse(Bytes(name), url is null ? null : new Uri(url)));

    public static FeedParseResult ParseText(string xml, string? url = null, string? contentType = null) =>
        FeedParser.Parse(Encoding.UTF8.GetBytes(xml), url is null ? null : new Uri(url), contentType);

    public static Feed Ok(FeedParseResult result)
    {
        Assert.True(result.Feed is not null, "expected a feed, got: " + result.Error);
        return result.Feed;
    }
}
