using AlertBot.Core.Feeds;
using AlertBot.Core.Pipeline;

namespace AlertBot.Tests.Pipeline;

public sealed class ItemSelectionTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 2, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A feed as a string: "3 2 1" lists items g3, g2, g1 (newest first, as feeds do), each published at t0 + n hours; "u" is undated.</summary>
    private static List<FeedItem> Feed(string spec) => spec.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select((n, i) => n.StartsWith('u')
            ? new FeedItem { Id = "g" + n, Title = n }
            : new FeedItem { Id = "g" + n, Title = n, Published = s_t0.AddHours(int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)) })
        .ToList();

    private static string Render(ItemSelectionResult result) =>
        string.Join(" ", result.Items.Select(i => i.Item.Title + (i.Alert ? "!" : "")));

    [Theory]
    [InlineData("3 2 1", "", false, "1! 2! 3!")]         // later checks alert every new item, oldest first
    [InlineData("3 2 1", "", true, "1 2 3!")]            // first check: the backlog is seen, only the newest alerts
    [InlineData("3 2 1", "1 2", false, "3!")]            // known items are not new
    [InlineData("3 2 1", "1 2", true, "3!")]             // a first check whose backlog is known alerts the newest new item
    [InlineData("3 2 1", "1 2 3", true, "")]
    [InlineData("u1 2 1", "", false, "1! 2! u1!")]       // undated items come last
    [InlineData("ua ub 1", "", false, "1! ub! ua!")]     // undated items keep the feed's newest-first order, reversed
    [InlineData("2 2 1", "", false, "1! 2!")]            // the same identity twice is one article
    [InlineData("", "", true, "")]
    public void Selects_new_items_oldest_first_with_the_backlog_rule(string feed, string known, bool firstCheck, string expected)
    {
        var knownSet = known.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(k => "id:g" + k).ToHashSet();

        var result = ItemSelection.Select(Feed(feed), knownSet, firstCheck, dripPosition: null);

        Assert.Equal(expected, Render(result));
        Assert.Null(result.DripPosition);
    }

    [Theory]
    [InlineData(0, "1!", 1)]
    [InlineData(1, "2!", 2)]
    [InlineData(3, "", 3)]                               // all revealed: nothing more, the position stays at the end
    [InlineData(7, "", 3)]
    public void A_drip_source_reveals_one_more_item_per_check(long position, string expected, long newPosition)
    {
        var known = new[] { "id:g1", "id:g2", "id:g3" }.Take((int)Math.Min(position, 3)).ToHashSet();

        var result = ItemSelection.Select(Feed("3 2 1"), known, firstCheck: false, dripPosition: position);

        Assert.Equal(expected, Render(result));
        Assert.Equal(newPosition, result.DripPosition);
    }
}
