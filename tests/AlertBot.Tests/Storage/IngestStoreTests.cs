using Microsoft.Extensions.Time.Testing;
using AlertBot.Core;
using AlertBot.Core.Delivery;
using AlertBot.Core.Figures;
using AlertBot.Core.Storage;
using Dapper;
using AlertBot.Tests.Support;

namespace AlertBot.Tests.Storage;

public sealed class IngestStoreTests
{
    private static readonly ChatTarget s_chat = new("test", "chat");

    private static NewArticle Article(string identity, params PlannedAlert[] alerts) => new(
        new ArticleRecord { TopicId = "t", Identity = identity, Title = identity, Text = "x", Summary = "x", FetchedAt = DateTimeOffset.UnixEpoch },
        [new Figure { Value = 3, Measure = "killed", Quote = "Three were killed." }], alerts);

    /// <summary>A report of story 7 that alerts the chat.</summary>
    private static NewArticle StoryReport(string identity, long subscriptionId, DateTimeOffset now) => new(
        new ArticleRecord { TopicId = "t", Identity = identity, Title = identity, Text = "x", Summary = "x", FetchedAt = now, StoryId = 7 },
        [], [new PlannedAlert(s_chat, subscriptionId)]);

    /// <summary>A report of a story, first seen at <paramref name="seen"/>, that alerts nobody.</summary>
    private static NewArticle SeenReport(string identity, long storyId, DateTimeOffset seen, string? title = null) => new(
        new ArticleRecord { TopicId = "t", Identity = identity, Title = title ?? identity, Text = "x", Summary = "x", FetchedAt = seen, StoryId = storyId },
        [], [], seen);

    private static async Task<(TestDatabase Db, IngestStore Store, long SourceId, long SubscriptionId)> CreateAsync()
    {
        var db = await TestDatabase.CreateAsync(new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)), TestDatabase.Topic("t", "https://example.com/feed"));
        var sourceId = (await db.Sources.ListAsync()).Single().Id;
        var subscriptionId = await db.Subscriptions.AddAsync(s_chat, isPrivate: false, "u", "t", "");
        return (db, new IngestStore(db.Database), sourceId, subscriptionId);
    }

    private static SourceOutcome.Succeeded Success(TestDatabase db, string? notice = null) =>
        new SourceOutcome.Succeeded(db.Time.GetUtcNow(), db.Time.GetUtcNow().AddMinutes(10), "\"e1\"", null, 0, SkippedItems: 1, LastItemError: "id:x: boom", Notice: notice);

    [Fact]
    public async Task One_commit_writes_articles_figures_alerts_notices_and_the_source_state_together()
    {
        var (db, store, sourceId, subscriptionId) = await CreateAsync();
        using var _ = db;

        var (stored, alerts) = await store.CommitAsync(new CheckCommit(sourceId, "t", Success(db, "works again"),
            [Article("id:1", new PlannedAlert(s_chat, subscriptionId)), Article("id:2")]));

        Assert.Equal((2, 1), (stored, alerts));
        var due = await db.Outbox.DueAsync(db.Time.GetUtcNow(), 10);
        Assert.Equal(2, due.Count);
        Assert.Single(due, r => r.Notice == "works again" && r.ArticleId is null);
        var alert = Assert.Single(due, r => r.ArticleId is not null);
        Assert.Single(await db.Figures.ForArticleAsync(alert.ArticleId!.Value));
        var source = (await db.Sources.FindAsync(sourceId))!;
        Assert.Equal("\"e1\"", source.Etag);
        Assert.Equal(1, source.SkippedItems);
        Assert.Equal("id:x: boom", source.LastItemError);
    }

    [Fact]
    public async Task Timestamps_the_prepared_statements_write_have_the_same_text_as_those_dapper_writes()
    {
        var (db, store, sourceId, subscriptionId) = await CreateAsync();
        using var _ = db;

        await store.CommitAsync(new CheckCommit(sourceId, "t", Success(db, "works again"), [Article("id:1", new PlannedAlert(s_chat, subscriptionId))]));

        // The alert row goes through the prepared statements, the notice row and the source state through Dapper: one clock, one text.
        await using var c = await db.Database.OpenAsync();
        var throughDapper = await c.ExecuteScalarAsync<string>("SELECT next_attempt_at FROM outbox WHERE notice IS NOT NULL");
        Assert.Equal(throughDapper, await c.ExecuteScalarAsync<string>("SELECT last_success_at FROM sources"));
        Assert.Equal(throughDapper, await c.ExecuteScalarAsync<string>("SELECT next_attempt_at FROM outbox WHERE article_id IS NOT NULL"));
        Assert.Equal(throughDapper, await c.ExecuteScalarAsync<string>("SELECT created_at FROM outbox WHERE article_id IS NOT NULL"));
    }

    [Fact]
    public async Task A_commit_that_fails_part_way_leaves_nothing_behind()
    {
        var (db, store, sourceId, subscriptionId) = await CreateAsync();
        using var _ = db;
        await using (var c = await db.Database.OpenAsync())
            await c.ExecuteAsync("CREATE TRIGGER crash BEFORE UPDATE ON sources BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;");

        await Assert.ThrowsAnyAsync<Exception>(() => store.CommitAsync(new CheckCommit(sourceId, "t", Success(db),
            [Article("id:1", new PlannedAlert(s_chat, subscriptionId))])));

        Assert.Empty(await db.Articles.LatestAsync("t", 10));
        Assert.Empty(await db.Outbox.DueAsync(db.Time.GetUtcNow(), 10));
        Assert.Null((await db.Sources.FindAsync(sourceId))!.Etag);
    }

    [Fact]
    public async Task An_article_the_topic_already_has_is_neither_stored_again_nor_alerted()
    {
        var (db, store, sourceId, subscriptionId) = await CreateAsync();
        using var _ = db;
        await store.CommitAsync(new CheckCommit(sourceId, "t", Success(db), [Article("id:1")]));

        var (stored, alerts) = await store.CommitAsync(new CheckCommit(sourceId, "t", Success(db), [Article("id:1", new PlannedAlert(s_chat, subscriptionId))]));

        Assert.Equal((0, 0), (stored, alerts));
    }

    [Fact]
    public async Task A_failure_is_recorded_with_its_notice_and_marks_the_moderators_told()
    {
        var (db, store, sourceId, _) = await CreateAsync();
        using var __ = db;
        var now = db.Time.GetUtcNow();

        await store.CommitAsync(new CheckCommit(sourceId, "t", new SourceOutcome.Failed(now, now.AddMinutes(20), "503", Notice: "failing"), []));

        var source = (await db.Sources.FindAsync(sourceId))!;
        Assert.Equal((1, "503", true), (source.ErrorCount, source.LastError, source.FailingNoticed));
        Assert.Equal("failing", Assert.Single(await db.Outbox.DueAsync(now, 10)).Notice);
    }

    [Fact]
    public async Task A_later_report_of_a_story_adds_an_edit_only_when_no_row_of_the_story_waits_for_the_target()
    {
        var (db, store, sourceId, subscriptionId) = await CreateAsync();
        using var _ = db;
        var now = db.Time.GetUtcNow();
        Task<(int Stored, int Alerts)> Report(string identity) =>
            store.CommitAsync(new CheckCommit(sourceId, "t", Success(db), [StoryReport(identity, subscriptionId, now)]));
        async Task<IReadOnlyList<(string Identity, string Kind)>> Rows()
        {
            await using var c = await db.Database.OpenAsync();
            return (await c.QueryAsync<(string, string)>(
                "SELECT a.identity, o.kind FROM outbox o JOIN articles a ON a.id = o.article_id ORDER BY o.id")).ToList();
        }

        Assert.Equal((1, 1), await Report("id:first"));
        // The alert waits for delivery: it will be composed from the whole story when it goes.
        Assert.Equal((1, 0), await Report("id:before-sending"));
        var alert = Assert.Single(await db.Outbox.DueAsync(now, 10));
        await db.Outbox.MarkSentAsync(alert.Id, now, "m1");
        Assert.Equal((1, 1), await Report("id:after-sending"));
        // The edit waits: it shows the story as it stands when it goes, this report included.
        Assert.Equal((1, 0), await Report("id:edit-waits"));
        // Once a dispatcher holds the edit, it may have read the story already: a later report gets its own edit.
        Assert.Single(await db.Outbox.ClaimDueAsync("p1", [s_chat.Platform], now, now.AddMinutes(5), 10));
        Assert.Equal((1, 1), await Report("id:edit-held"));

        Assert.Equal([("id:first", OutboxKind.Alert), ("id:after-sending", OutboxKind.Edit), ("id:edit-held", OutboxKind.Edit)], await Rows());
    }

    [Fact]
    public async Task A_story_whose_alert_failed_gets_no_edits()
    {
        var (db, store, sourceId, subscriptionId) = await CreateAsync();
        using var _ = db;
        var now = db.Time.GetUtcNow();

        await store.CommitAsync(new CheckCommit(sourceId, "t", Success(db), [StoryReport("id:first", subscriptionId, now)]));
        await db.Outbox.MarkFinalAsync(Assert.Single(await db.Outbox.DueAsync(now, 10)).Id, OutboxStatus.Failed, "400 Bad Request");

        Assert.Equal((1, 0), await store.CommitAsync(new CheckCommit(sourceId, "t", Success(db), [StoryReport("id:later", subscriptionId, now)])));
    }

    [Fact]
    public async Task The_active_window_holds_the_stories_first_seen_since_its_start_to_the_minute()
    {
        var (db, store, sourceId, _) = await CreateAsync();
        using var _ = db;
        var noon = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

        await store.CommitAsync(new CheckCommit(sourceId, "t", Success(db), [SeenReport("id:morning", 1, noon.AddHours(-3)), SeenReport("id:afternoon", 2, noon.AddHours(1))]));

        var window = await new StoryStore(db.Database).WindowReportsAsync(noon);
        Assert.Equal([2L], window.Select(r => r.StoryId));
    }

    [Fact]
    public async Task A_story_keeps_its_earliest_report_s_time_and_title_when_a_later_report_is_committed_first()
    {
        var (db, store, sourceId, _) = await CreateAsync();
        using var _ = db;
        var start = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        NewArticle Report(string identity, string title, DateTimeOffset seen) => SeenReport(identity, 7, seen, title);

        // The check that joined the story commits before the one that started it (checks commit in any order).
        await store.CommitAsync(new CheckCommit(sourceId, "t", Success(db), [Report("id:join", "Joiner's headline", start.AddHours(2))]));
        await store.CommitAsync(new CheckCommit(sourceId, "t", Success(db), [Report("id:start", "Starter's headline", start)]));
        await store.CommitAsync(new CheckCommit(sourceId, "t", Success(db), [Report("id:late", "Latest headline", start.AddHours(1))]));

        var story = (await new StoryStore(db.Database).FindAsync(7))!;
        Assert.Equal(("Starter's headline", start, start.AddHours(2), 3L), (story.Title, story.FirstSeenAt, story.LastSeenAt, story.Reports));
    }
}
