namespace AlertBot.Tests.Feeds;

public sealed class FeedStreamingTests
{
    [Fact]
    public void Channel_metadata_after_the_items_is_still_read_while_items_are_mapped_as_they_close()
    {
        var doc = "<rss version=\"2.0\"><channel><item><title>One</title></item><item><title>Two</title></item>"
            + "<title>Late title</title><lastBuildDate>Tue, 05 Nov 2024 09:30:00 GMT</lastBuildDate></channel></rss>";
        var feed = Fixture.Ok(Fixture.ParseText(doc));
        Assert.Equal(("Late title", 2), (feed.Title, feed.Items.Count));
        Assert.Equal(["One", "Two"], feed.Items.Select(i => i.Title));
        Assert.NotNull(feed.Updated);
    }

    [Fact]
    public void Nested_items_that_are_not_feed_items_are_ignored()
    {
        var doc = "<rss><channel><item><title>Real</title><source><item><title>Not an item</title></item></source></item></channel></rss>";
        Assert.Equal(["Real"], Fixture.Ok(Fixture.ParseText(doc)).Items.Select(i => i.Title));
    }
}
