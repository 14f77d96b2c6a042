using AlertBot.Core.Feeds.Parsing;

namespace AlertBot.Tests.Feeds;

public sealed class FeedDateTests
{
    [Theory]
    [InlineData("Tue, 05 Nov 2024 08:15:00 GMT", "2024-11-05T08:15:00Z")]
    [InlineData("Tue, 05 Nov 2024 08:15:00 +0200", "2024-11-05T06:15:00Z")]
    [InlineData("Tue, 5 Nov 2024 08:15 EST", "2024-11-05T13:15:00Z")]
    [InlineData("05 Nov 2024 08:15:00 PDT", "2024-11-05T15:15:00Z")]
    [InlineData("Tue, 05 Nov 24 08:15:00 GMT", "2024-11-05T08:15:00Z")]
    [InlineData("Tue,05 November 2024 08:15:00 UT", "2024-11-05T08:15:00Z")]
    [InlineData("Tue, 05 Nov 2024", "2024-11-05T00:00:00Z")]
    [InlineData("Tue, Nov 05 2024 08:15:00 +0000", "2024-11-05T08:15:00Z")]
    [InlineData("Tue Nov  5 08:15:00 2024", "2024-11-05T08:15:00Z")]
    [InlineData("Tue, 05 Nov 2024 08:15:00 CEST", "2024-11-05T06:15:00Z")]
    [InlineData("2024-11-05T08:15:00Z", "2024-11-05T08:15:00Z")]
    [InlineData("2024-11-05T08:15:00.123+05:30", "2024-11-05T02:45:00Z")]
    [InlineData("2024-11-05 08:15:00", "2024-11-05T08:15:00Z")]
    [InlineData("2024-11-05", "2024-11-05T00:00:00Z")]
    [InlineData("2024-11", "2024-11-01T00:00:00Z")]
    [InlineData("20241105", "2024-11-05T00:00:00Z")]
    [InlineData("2024-310", "2024-11-05T00:00:00Z")]
    public void Dates_feeds_really_send_are_read_as_utc(string text, string utc) =>
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), FeedDate.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("Tue, 35 Nov 2024 08:15:00 GMT")]
    [InlineData("2024-13-05T08:15:00Z")]
    [InlineData("2024-11-05T25:15:00Z")]
    [InlineData("Tue, 05 Foo 2024 08:15:00 GMT")]
    [InlineData("2024-11-05T08:15:00+99:00")]
    [InlineData("now")]
    public void Unreadable_dates_are_missing_never_now(string? text) => Assert.Null(FeedDate.Parse(text));

    [Fact]
    public void An_item_with_an_unreadable_date_has_no_date()
    {
        var item = Fixture.Ok(Fixture.ParseText("<rss><channel><item><title>t</title><pubDate>sometime soon</pubDate></item></channel></rss>")).Items[0];
        Assert.Null(item.Published);
        Assert.Null(item.Updated);
    }
}
