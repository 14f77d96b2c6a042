using System.Text.Json;
using AlertBot.Core.Feeds;

namespace AlertBot.Tests.Feeds;

public sealed class FeedJsonTests
{
    [Fact]
    public void Check_feed_json_has_exactly_the_contract_keys_in_order()
    {
        using var doc = JsonDocument.Parse(FeedJson.Render(Fixture.Parse("rss2.xml", "https://news.example.org/rss.xml")));
        var root = doc.RootElement;
        Assert.Equal(["title", "link", "items"], root.EnumerateObject().Select(p => p.Name));
        var item = root.GetProperty("items")[0];
        Assert.Equal(["id", "title", "link", "published", "updated", "author", "summary", "content", "categories", "enclosures"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["url", "type", "length"], item.GetProperty("enclosures")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Values_are_plain_text_with_utc_dates_and_nulls_for_unknowns()
    {
        using var doc = JsonDocument.Parse(FeedJson.Render(Fixture.Parse("rss2.xml", "https://news.example.org/rss.xml")));
        var root = doc.RootElement;
        Assert.Equal("World & Region News", root.GetProperty("title").GetString());
        var first = root.GetProperty("items")[0];
        Assert.Equal("Troops deployed to the border", first.GetProperty("title").GetString());
        Assert.Equal("2024-11-05T08:15:00Z", first.GetProperty("published").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("updated").ValueKind);
        Assert.Equal(12345, first.GetProperty("enclosures")[0].GetProperty("length").GetInt64());
        Assert.Equal(["World", "Defence"], first.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        var second = root.GetProperty("items")[1];
        Assert.Equal("2024-11-04T23:00:00Z", second.GetProperty("published").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("content").ValueKind);
        Assert.Empty(second.GetProperty("enclosures").EnumerateArray());
    }

    [Fact]
    public void Non_ascii_text_is_written_readably()
    {
        var feed = new Feed(FeedFormat.Rss, "Café “news”", null, [new FeedItem { Title = "Ünïcödé <b>" }]);
        var json = FeedJson.Render(feed);
        Assert.Contains("Café “news”", json, StringComparison.Ordinal);
        Assert.Equal("Ünïcödé <b>", JsonDocument.Parse(json).RootElement.GetProperty("items")[0].GetProperty("title").GetString());
    }
}
