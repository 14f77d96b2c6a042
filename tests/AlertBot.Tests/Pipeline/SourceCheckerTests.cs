using AlertBot.Core.Commands;
using AlertBot.Core.Feeds;
using AlertBot.Core.Pipeline;
using AlertBot.Tests.Support;
using Dapper;

namespace AlertBot.Tests.Pipeline;

public sealed class SourceCheckerTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 2, 1, 8, 0, 0, TimeSpan.Zero);

    private static RssItem Item(int n, string text = "North Korean troops were deployed to the front line.", string? guid = null) =>
        new(guid ?? $"g{n}", $"Story {n}", text, s_t0.AddHours(n));

    [Fact]
    public async Task The_first_check_takes_the_backlog_as_seen_and_alerts_only_the_newest_item()
    {
        using var rig = await PipelineRig.CreateAsync();
        await rig.SubscribeAsync("troops");
        rig.WriteFeed(Item(3), Item(2), Item(1));

        var result = await rig.CheckAsync();

        Assert.Null(result.Error);
        Assert.Equal(3, result.NewArticles);
        Assert.Equal(["Story 3"], await rig.PendingTitlesAsync());
    }

    [Fact]
    public async Task A_new_item_on_a_later_check_is_alerted_once_and_a_repeat_check_adds_nothing()
    {
        using var rig = await PipelineRig.CreateAsync();
        await rig.SubscribeAsync("troops");
        rig.WriteFeed(Item(1));
        await rig.CheckAsync();
        rig.WriteFeed(Item(2), Item(1));

        Assert.Equal(1, (await rig.CheckAsync()).Alerts);
        Assert.Equal(0, (await rig.CheckAsync()).Alerts);
        Assert.Equal(["Story 1", "Story 2"], (await rig.PendingTitlesAsync()).Order());
    }

    [Fact]
    public async Task Items_that_do_not_match_the_subscription_are_stored_but_not_alerted()
    {
        using var rig = await PipelineRig.CreateAsync();
        await rig.SubscribeAsync("casualties");
        rig.WriteFeed(Item(1));
        await rig.CheckAsync();
        rig.WriteFeed(Item(2, "Talks resumed in Geneva on Tuesday."), Item(1));

        var result = await rig.CheckAsync();

        Assert.Equal(1, result.NewArticles);
        Assert.Empty(await rig.PendingTitlesAsync());
    }

    [Fact]
    public async Task An_edited_item_is_not_a_new_alert()
    {
        using var rig = await PipelineRig.CreateAsync();
        await rig.SubscribeAsync("troops");
        rig.WriteFeed(Item(1));
        await rig.CheckAsync();
        rig.WriteFeed(Item(1) with { Title = "Story 1 (updated)", Text = "North Korean troops: more details." });

        var result = await rig.CheckAsync();

        Assert.Equal(0, result.NewArticles);
        Assert.Equal(["Story 1"], await rig.PendingTitlesAsync());
    }

    [Fact]
    public async Task An_item_that_left_the_feed_and_came_back_is_not_alerted_again()
    {
        using var rig = await PipelineRig.CreateAsync();
        await rig.SubscribeAsync("troops");
        rig.WriteFeed(Item(1));
        await rig.CheckAsync();
        rig.WriteFeed(Item(2));
        await rig.CheckAsync();
        rig.WriteFeed(Item(2), Item(1));

        Assert.Equal(0, (await rig.CheckAsync()).NewArticles);
        Assert.Equal(2, (await rig.PendingTitlesAsync()).Count);
    }

    [Fact]
    public async Task Items_without_guid_are_identified_by_link_and_items_without_date_are_still_delivered()
    {
        using var rig = await PipelineRig.CreateAsync();
        await rig.SubscribeAsync("troops");
        rig.WriteFeed(Item(1));
        await rig.CheckAsync();
        var undated = new RssItem(null, "Undated story", "Troops moved overnight.", null, "https://example.com/a/undated");
        rig.WriteFeed(undated, Item(1));

        Assert.Equal(1, (await rig.CheckAsync()).Alerts);
        rig.WriteFeed(undated with { Link = "https://EXAMPLE.com/a/undated/#comments" }, Item(1));
        Assert.Equal(0, (await rig.CheckAsync()).NewArticles);
    }

    [Fact]
    public async Task A_topic_query_filters_articles_before_subscriptions_are_matched()
    {
        using var rig = await PipelineRig.CreateAsync(topicQuery: "korea");
        await rig.SubscribeAsync("troops");
        rig.WriteFeed(Item(1));
        await rig.CheckAsync();
        rig.WriteFeed(Item(3, "Korea sent troops."), Item(2, "Troops from elsewhere."), Item(1));

        await rig.CheckAsync();

        Assert.Equal(["Story 3"], await rig.PendingTitlesAsync());
    }

    [Fact]
    public async Task A_feed_that_cannot_be_read_is_recorded_on_the_source_and_reported()
    {
        using var rig = await PipelineRig.CreateAsync();
        File.WriteAllText(rig.FeedPath, "<html><body>Not a feed</body></html>");

        var result = await rig.CheckAsync();

        Assert.NotNull(result.Error);
        var source = (await rig.Db.Sources.FindAsync(rig.SourceId))!;
        Assert.Equal(1, source.ErrorCount);
        Assert.Equal(result.Error, source.LastError);
        Assert.NotNull(source.NextCheckAt);
    }

    [Fact]
    public async Task A_missing_file_is_a_recorded_failure_not_an_exception()
    {
        using var rig = await PipelineRig.CreateAsync();
        var result = await rig.CheckAsync();
        Assert.NotNull(result.Error);
    }

    [Fact]
    public async Task A_drip_source_reveals_one_more_item_per_check_oldest_first()
    {
        using var rig = await PipelineRig.CreateAsync(drip: true);
        await rig.SubscribeAsync("troops");
        rig.WriteFeed(Item(3), Item(2), Item(1));

        Assert.Equal(1, (await rig.CheckAsync(drip: true)).NewArticles);
        Assert.Equal(1, (await rig.CheckAsync(drip: true)).NewArticles);
        Assert.Equal(["Story 1", "Story 2"], (await rig.PendingTitlesAsync()).Order());
        Assert.Equal(1, (await rig.CheckAsync(drip: false)).NewArticles);
    }

    [Fact]
    public async Task A_check_whose_commit_is_killed_loses_nothing_and_the_next_check_stores_and_alerts_exactly_once()
    {
        using var rig = await PipelineRig.CreateAsync();
        await rig.SubscribeAsync("troops");
        rig.WriteFeed(Item(1));
        await rig.CheckAsync();
        rig.WriteFeed(Item(3), Item(2), Item(1));
        // The commit dies after the articles went in but before their outbox rows did.
        await using (var c = await rig.Db.Database.OpenAsync())
            await c.ExecuteAsync("CREATE TRIGGER crash BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'killed'); END;");

        var crashed = await rig.CheckAsync();

        Assert.Contains("killed", crashed.Error);
        Assert.Equal(1, (await rig.Db.Sources.FindAsync(rig.SourceId))!.ErrorCount);
        Assert.Single(await rig.Db.Articles.LatestAsync("t", 10));
        await using (var c = await rig.Db.Database.OpenAsync()) await c.ExecuteAsync("DROP TRIGGER crash");

        var next = await rig.CheckAsync();
        Assert.Equal((2, 2), (next.NewArticles, next.Alerts));
        Assert.Equal((0, 0), ((await rig.CheckAsync()).NewArticles, (await rig.CheckAsync()).Alerts));
        Assert.Equal(["Story 1", "Story 2", "Story 3"], (await rig.PendingTitlesAsync()).Order());
    }

    [Fact]
    public async Task A_check_stopped_between_enrichment_and_commit_writes_nothing_and_the_next_check_alerts_exactly_once()
    {
        using var stop = new CancellationTokenSource();
        using var rig = await PipelineRig.CreateAsync(enricher: real => new Enricher(real, item =>
        {
            if (item.Title == "Story 2") stop.Cancel();
        }));
        await rig.SubscribeAsync("troops");
        rig.WriteFeed(Item(1));
        await rig.CheckAsync();
        rig.WriteFeed(Item(2), Item(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rig.CheckAsync(ct: stop.Token));

        Assert.Single(await rig.Db.Articles.LatestAsync("t", 10));
        Assert.Equal(0, (await rig.Db.Sources.FindAsync(rig.SourceId))!.ErrorCount);
        Assert.Equal(1, (await rig.CheckAsync()).Alerts);
        Assert.Equal(0, (await rig.CheckAsync()).Alerts);
        Assert.Equal(["Story 1", "Story 2"], (await rig.PendingTitlesAsync()).Order());
    }

    [Fact]
    public async Task An_item_that_fails_to_enrich_is_skipped_and_counted_on_the_source_and_the_rest_of_the_feed_goes_through()
    {
        using var rig = await PipelineRig.CreateAsync(enricher: real => new Enricher(real, item =>
        {
            if (item.Title == "Story 2") throw new InvalidOperationException("page broke the extractor");
        }));
        await rig.SubscribeAsync("troops");
        rig.WriteFeed(Item(1));
        await rig.CheckAsync();
        rig.WriteFeed(Item(3), Item(2), Item(1));

        var result = await rig.CheckAsync();

        Assert.Null(result.Error);
        Assert.Equal((1, 1, 1), (result.NewArticles, result.Alerts, result.SkippedItems));
        var source = (await rig.Db.Sources.FindAsync(rig.SourceId))!;
        Assert.Equal(0, source.ErrorCount);
        Assert.Equal(1, source.SkippedItems);
        Assert.Contains("page broke the extractor", source.LastItemError);
        var status = TopicStatusReport.Render(await rig.Db.Topics.ListAsync(), [source], rig.Db.Time.GetUtcNow());
        Assert.Contains("1 item(s) skipped in the last check", status);
        Assert.Equal(["Story 1", "Story 3"], (await rig.PendingTitlesAsync()).Order());
    }

    [Fact]
    public async Task A_successful_check_names_the_end_of_its_interval_as_the_next_run()
    {
        using var rig = await PipelineRig.CreateAsync();
        rig.WriteFeed(Item(1));

        var result = await rig.CheckAsync();

        Assert.Equal(rig.Db.Time.GetUtcNow() + TimeSpan.FromMinutes(10), result.NextCheckAt);
    }

    /// <summary>The real enricher, with a hook that runs first for each item (to fail or stop on a chosen one).</summary>
    private sealed class Enricher(IArticleEnricher real, Action<FeedItem> before) : IArticleEnricher
    {
        public Task<ProcessedArticle> ProcessAsync(FeedItem item, CancellationToken ct)
        {
            before(item);
            return real.ProcessAsync(item, ct);
        }
    }
}
