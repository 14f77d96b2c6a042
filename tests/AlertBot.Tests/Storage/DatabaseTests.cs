using AlertBot.Core;
using AlertBot.Core.Delivery;
using AlertBot.Core.Storage;
using AlertBot.Tests.Support;
using Dapper;

namespace AlertBot.Tests.Storage;

public sealed class DatabaseTests
{
    [Fact]
    public async Task A_new_file_gets_the_latest_schema_version_WAL_with_synchronous_normal_and_foreign_keys()
    {
        using var db = await TestDatabase.CreateAsync();
        await using var c = await db.Database.OpenAsync();
        Assert.True(await c.ExecuteScalarAsync<long>("PRAGMA user_version") >= 1);
        Assert.Equal("wal", await c.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(1, await c.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
        Assert.Equal(1, await c.ExecuteScalarAsync<long>("PRAGMA synchronous"));   // NORMAL: no fsync per commit in WAL
        var tables = (await c.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table'")).ToHashSet();
        Assert.Superset(new HashSet<string> { "topics", "sources", "articles", "subscriptions", "chats", "outbox", "platform_state" }, tables);
    }

    [Fact]
    public async Task A_pooled_connection_opened_again_still_has_foreign_keys_the_busy_timeout_and_synchronous_normal()
    {
        using var db = await TestDatabase.CreateAsync();
        for (var i = 0; i < 3; i++)
        {
            await using var c = await db.Database.OpenAsync();
            Assert.Equal((1L, 10_000L, 1L), (await c.ExecuteScalarAsync<long>("PRAGMA foreign_keys"), await c.ExecuteScalarAsync<long>("PRAGMA busy_timeout"),
                await c.ExecuteScalarAsync<long>("PRAGMA synchronous")));
        }
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing()
    {
        using var db = await TestDatabase.CreateAsync();
        await db.Database.MigrateAsync();
        await using var c = await db.Database.OpenAsync();
        Assert.Equal(Migrations.All.Count, await c.ExecuteScalarAsync<long>("PRAGMA user_version"));
    }

    [Fact]
    public async Task A_database_from_a_newer_version_is_refused_with_a_clear_message()
    {
        using var db = await TestDatabase.CreateAsync();
        await using (var c = await db.Database.OpenAsync()) await c.ExecuteAsync($"PRAGMA user_version = {Migrations.All.Count + 5}");
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Database.MigrateAsync());
        Assert.Contains("newer than this build", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_topic_that_left_the_topics_file_is_paused_not_deleted_and_a_new_one_is_added()
    {
        using var db = await TestDatabase.CreateAsync(null, TestDatabase.Topic("one", "https://example.com/a.xml"));
        var applied = await db.Topics.ApplyAsync([TestDatabase.Topic("two", "https://example.com/b.xml")]);
        Assert.Equal(["two"], applied.Added);
        Assert.Equal(["one"], applied.Paused);
        var topics = await db.Topics.ListAsync();
        Assert.Equal([("one", true), ("two", false)], topics.Select(t => (t.Id, t.Paused)));
        Assert.Equal(2, (await db.Sources.ListAsync()).Count);
    }

    [Fact]
    public async Task An_article_is_stored_once_per_feed_and_identity()
    {
        using var db = await TestDatabase.CreateAsync(null, TestDatabase.Topic("t", "https://example.com/a.xml"));
        var feed = (await db.Sources.ListAsync()).Single().Id;
        var article = new ArticleRecord { TopicId = "t", SourceId = feed, Identity = "id:1", Title = "A", Text = "x", Summary = "x", FetchedAt = db.Time.GetUtcNow() };
        Assert.NotNull(await db.Articles.InsertAsync(article));
        Assert.Null(await db.Articles.InsertAsync(article with { Title = "A, edited" }));
        Assert.Equal("A", Assert.Single(await db.Articles.LatestAsync("t", 10)).Title);
    }

    [Fact]
    public async Task The_outbox_holds_one_row_per_target_and_article_however_often_it_is_enqueued()
    {
        using var db = await TestDatabase.CreateAsync(null, TestDatabase.Topic("t", "https://example.com/a.xml"));
        var chat = new ChatTarget("console", "local");
        var sub1 = await db.Subscriptions.AddAsync(chat, true, "u", "t", "");
        var sub2 = await db.Subscriptions.AddAsync(chat, true, "u", "t", "troops");
        var articleId = (await db.Articles.InsertAsync(new ArticleRecord { TopicId = "t", Identity = "id:1", Title = "A", Text = "x", Summary = "x", FetchedAt = db.Time.GetUtcNow() }))!.Value;

        Assert.Equal(1, await db.Outbox.EnqueueAsync([new(chat, articleId, sub1), new(chat, articleId, sub2)], db.Time.GetUtcNow()));
        Assert.Equal(0, await db.Outbox.EnqueueAsync([new(chat, articleId, sub1)], db.Time.GetUtcNow()));
        Assert.Single(await db.Outbox.DueAsync(db.Time.GetUtcNow(), 10));
    }

    [Fact]
    public async Task Disabling_a_chat_drops_its_pending_alerts_and_returns_its_subscriptions()
    {
        using var db = await TestDatabase.CreateAsync(null, TestDatabase.Topic("t", "https://example.com/a.xml"));
        var chat = new ChatTarget("telegram", "42");
        var sub = await db.Subscriptions.AddAsync(chat, true, "u", "t", "");
        var articleId = (await db.Articles.InsertAsync(new ArticleRecord { TopicId = "t", Identity = "id:1", Title = "A", Text = "x", Summary = "x", FetchedAt = db.Time.GetUtcNow() }))!.Value;
        await db.Outbox.EnqueueAsync([new(chat, articleId, sub)], db.Time.GetUtcNow());

        Assert.Equal([sub], await db.Chats.DisableAsync(chat, "bot was blocked"));

        Assert.Empty(await db.Outbox.DueAsync(db.Time.GetUtcNow(), 10));
        Assert.Empty(await db.Subscriptions.ListActiveAsync());
        Assert.Equal(1, (await db.Outbox.CountByStatusAsync())[OutboxStatus.Dropped]);
    }

    [Fact]
    public async Task Moving_a_chat_carries_its_subscriptions_and_pending_alerts_to_the_new_id()
    {
        using var db = await TestDatabase.CreateAsync(null, TestDatabase.Topic("t", "https://example.com/a.xml"));
        var chat = new ChatTarget("telegram", "-42");
        var sub = await db.Subscriptions.AddAsync(chat, false, "u", "t", "troops");
        var articleId = (await db.Articles.InsertAsync(new ArticleRecord { TopicId = "t", Identity = "id:1", Title = "A", Text = "x", Summary = "x", FetchedAt = db.Time.GetUtcNow() }))!.Value;
        await db.Outbox.EnqueueAsync([new(chat, articleId, sub)], db.Time.GetUtcNow());

        await db.Chats.MoveAsync(chat, "-10042");

        var moved = new ChatTarget("telegram", "-10042");
        Assert.Equal(sub, Assert.Single(await db.Subscriptions.ListForChatAsync(moved)).Id);
        Assert.Empty(await db.Subscriptions.ListForChatAsync(chat));
        Assert.Equal("-10042", Assert.Single(await db.Outbox.DueAsync(db.Time.GetUtcNow(), 10)).ChatId);
    }

    [Fact]
    public async Task Platform_state_survives_reopening_the_file()
    {
        using var db = await TestDatabase.CreateAsync();
        await db.State.SetAsync("telegram", "offset", "1234", default);
        await db.State.SetAsync("telegram", "offset", "1235", default);
        var reopened = new PlatformStateStore(db.Database);
        Assert.Equal("1235", await reopened.GetAsync("telegram", "offset", default));
        Assert.Null(await reopened.GetAsync("discord", "offset", default));
    }

    [Fact]
    public async Task An_article_and_its_figures_are_stored_together_and_only_once()
    {
        using var db = await TestDatabase.CreateAsync(null, TestDatabase.Topic("t", "https://example.com/a.xml"));
        var feed = (await db.Sources.ListAsync()).Single().Id;
        var article = new ArticleRecord { TopicId = "t", SourceId = feed, Identity = "id:1", Title = "A", Text = "x", Summary = "x", FetchedAt = db.Time.GetUtcNow() };
        AlertBot.Core.Figures.Figure[] figures =
        [
            new() { Value = 11000, Measure = "troops deployed", Quote = "about 11,000 troops" },
            new() { Value = 4000, Measure = "casualties", Quote = "around 4,000 casualties" },
        ];

        var id = await db.Articles.InsertAsync(article, figures);
        Assert.Null(await db.Articles.InsertAsync(article, figures));

        Assert.Equal(["troops deployed", "casualties"], (await db.Figures.ForArticleAsync(id!.Value)).Select(f => f.Measure));
    }

    [Fact]
    public async Task A_figure_keeps_its_unit_when_stored()
    {
        using var db = await TestDatabase.CreateAsync(null, TestDatabase.Topic("t", "https://example.com/a.xml"));
        var article = new ArticleRecord { TopicId = "t", Identity = "id:1", Title = "A", Text = "x", Summary = "x", FetchedAt = db.Time.GetUtcNow() };
        AlertBot.Core.Figures.Figure[] figures =
        [
            new() { Value = 50e9, Unit = "EUR", Measure = "aid package (EUR)", Quote = "a €50 billion package" },
            new() { Value = 59, Unit = "%", Measure = "turnout (%)", Quote = "turnout is at 59 per cent" },
            new() { Value = 412, Measure = "seats", Quote = "412 MPs" },
        ];

        var id = await db.Articles.InsertAsync(article, figures);

        Assert.Equal(["EUR", "%", null], (await db.Figures.ForArticleAsync(id!.Value)).Select(f => f.Unit));
        Assert.Equal(["EUR", "%", null], (await db.Figures.ForTopicAsync("t")).Select(f => f.Figure.Unit));
    }
}
