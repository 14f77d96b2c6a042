using AlertBot.Core.Feeds;

namespace AlertBot.Tests.Feeds;

public sealed class HtmlDiscoveryTests
{
    [Fact]
    public void An_html_page_is_refused_and_its_announced_feeds_are_listed()
    {
        var result = FeedParser.Parse(Fixture.Bytes("page.html"), new Uri("https://www.example.org/news/today"), "text/html; charset=utf-8");
        Assert.Null(result.Feed);
        Assert.Equal(["https://www.example.org/news/feed.rss", "https://www.example.org/atom.xml"], result.DiscoveredFeeds);
        Assert.StartsWith("not a feed: the server returned an HTML page", result.Error, StringComparison.Ordinal);
        Assert.Contains("https://www.example.org/news/feed.rss", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><head><link href='/f.json' type='application/feed+json' rel='alternate'></head></html>", "https://site.example/f.json")]
    [InlineData("<HTML><HEAD><LINK REL=\"Alternate\" TYPE=\"application/rss+xml\" HREF=\"rss?a=1&amp;b=2\"></HEAD></HTML>", "https://site.example/blog/rss?a=1&b=2")]
    [InlineData("<!doctype html><link rel=\"alternate stylesheet\" href=\"x.css\"><link rel=alternate type=application/atom+xml href=/a.xml>", "https://site.example/a.xml")]
    public void Link_alternate_feeds_are_found_however_the_tag_is_written(string html, string feed) =>
        Assert.Equal([feed], Fixture.ParseText(html, "https://site.example/blog/post").DiscoveredFeeds);

    [Fact]
    public void A_page_without_feed_links_says_so()
    {
        var result = Fixture.ParseText("<!DOCTYPE html><html><head><link rel=\"icon\" href=\"/i.png\"></head></html>");
        Assert.Empty(result.DiscoveredFeeds);
        Assert.Equal("not a feed: the server returned an HTML page that announces no feed", result.Error);
    }

    [Fact]
    public void A_feed_that_quotes_html_early_is_still_a_feed()
    {
        var doc = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"><channel><title>T</title>"
            + "<description><![CDATA[<html><body>quoted page</body></html>]]></description></channel></rdf:RDF>";
        Assert.Equal("T", Fixture.Ok(Fixture.ParseText(doc)).Title);
    }

    [Fact]
    public void An_html_page_behind_a_comment_is_recognised()
    {
        var result = Fixture.ParseText("<!-- generated --><html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss\"></head></html>", "https://s.example/");
        Assert.Equal(["https://s.example/rss"], result.DiscoveredFeeds);
    }
}
