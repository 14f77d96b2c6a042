using AlertBot.Core.Feeds;

namespace AlertBot.Tests.Topics;

public sealed class FeedUrlTests
{
    [Theory]
    [InlineData("HTTPS://News.Example.COM/Feed.xml", "https://news.example.com/Feed.xml")]
    [InlineData("https://news.example.com:443/feed.xml", "https://news.example.com/feed.xml")]
    [InlineData("http://news.example.com:80/feed.xml#latest", "http://news.example.com/feed.xml")]
    [InlineData("https://news.example.com/feed.xml?utm_source=x&utm_medium=rss&id=7", "https://news.example.com/feed.xml?id=7")]
    [InlineData("https://news.example.com/feed.xml?fbclid=abc", "https://news.example.com/feed.xml")]
    [InlineData("https://news.example.com:8443/feed.xml?Page=2", "https://news.example.com:8443/feed.xml?Page=2")]
    [InlineData("  https://news.example.com/feed.xml  ", "https://news.example.com/feed.xml")]
    public void One_feed_typed_several_ways_normalises_to_one_url(string typed, string expected)
    {
        Assert.Equal(expected, FeedUrl.Normalise(typed));
    }
}
