using AlertBot.Core.Pipeline;
using AlertBot.Core.Storage;
using AlertBot.Core.Stories;
using AlertBot.Tests.Support;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AlertBot.Tests.Pipeline;

/// <summary>The stories stage inside a check: articles join stories as they are stored, and the stage survives restarts and failed commits.</summary>
public sealed class StoryStageTests
{
    [Fact]
    public async Task Three_outlets_reports_of_one_event_share_a_stored_story_and_a_look_alike_event_gets_its_own()
    {
        using var rig = await PipelineRig.CreateAsync();
        var now = rig.Db.Time.GetUtcNow();
        rig.WriteFeed(DevReports.Item("n079", now.AddHours(-20)), DevReports.Item("n080", now.AddHours(-5)),
            DevReports.Item("n031", now.AddHours(-4)), DevReports.Item("n081", now.AddHours(-3)));

        var result = await rig.CheckAsync();

        Assert.Equal(4, result.NewArticles);
        var byIdentity = await StoriesByIdentityAsync(rig.Db);
        Assert.Equal(byIdentity["n079"], byIdentity["n080"]);
        Assert.Equal(byIdentity["n079"], byIdentity["n081"]);
        Assert.NotEqual(byIdentity["n079"], byIdentity["n031"]);
        var story = await new StoryStore(rig.Db.Database).FindAsync(byIdentity["n079"]);
        Assert.NotNull(story);
        Assert.Equal(3, story.Reports);
        Assert.Equal(DevReports.Title("n079"), story.Title);
        Assert.Equal(now.AddHours(-20), story.FirstSeenAt);
        Assert.Equal(now.AddHours(-3), story.LastSeenAt);
    }

    [Fact]
    public async Task A_restarted_stage_rebuilds_the_active_window_from_the_database_and_a_later_report_joins_the_stored_story()
    {
        using var rig = await PipelineRig.CreateAsync();
        var now = rig.Db.Time.GetUtcNow();
        rig.WriteFeed(DevReports.Item("n079", now.AddHours(-20)), DevReports.Item("n031", now.AddHours(-4)));
        await rig.CheckAsync();
        var stored = await StoriesByIdentityAsync(rig.Db);

        using var restarted = Stage(rig.Db);
        using var batch = await restarted.BeginAsync(2, CancellationToken.None);
        var joined = batch.Assign(Report("n080", now.AddHours(-2)));
        var fresh = batch.Assign(Report("n044", now.AddHours(-1)));

        Assert.False(joined.IsNewStory);
        Assert.Equal(stored["n079"], joined.StoryId);
        Assert.True(fresh.IsNewStory);
        Assert.True(fresh.StoryId > stored.Values.Max(), "a new story's id is above every stored one");
    }

    [Fact]
    public async Task Stories_that_left_the_window_are_not_restored()
    {
        using var rig = await PipelineRig.CreateAsync();
        var now = rig.Db.Time.GetUtcNow();
        rig.WriteFeed(DevReports.Item("n079", now.AddHours(-100)));
        await rig.CheckAsync();

        using var restarted = Stage(rig.Db);
        using var batch = await restarted.BeginAsync(2, CancellationToken.None);

        Assert.True(batch.Assign(Report("n080", now.AddHours(-1))).IsNewStory);
    }

    [Fact]
    public async Task Assignments_of_a_check_that_did_not_commit_are_forgotten_so_no_phantom_story_is_left()
    {
        using var db = await TestDatabase.CreateAsync(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)));
        var now = db.Time.GetUtcNow();
        using var stage = Stage(db);
        long phantom;
        using (var failed = await stage.BeginAsync(1, CancellationToken.None))
        {
            phantom = failed.Assign(Report("n079", now.AddHours(-3))).StoryId;
            // No Committed(): the check's commit threw.
        }

        using var next = await stage.BeginAsync(1, CancellationToken.None);
        var again = next.Assign(Report("n080", now.AddHours(-2)));

        Assert.True(again.IsNewStory, "the uncommitted story is gone");
        Assert.NotEqual(phantom, again.StoryId);
    }

    [Fact]
    public async Task Another_check_assigns_while_one_that_has_assigned_is_still_routing_and_committing()
    {
        using var db = await TestDatabase.CreateAsync(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)));
        var now = db.Time.GetUtcNow();
        using var stage = Stage(db);
        using var first = await stage.BeginAsync(1, CancellationToken.None);
        var started = first.Assign(Report("n079", now.AddHours(-3))).StoryId;
        var waiting = stage.BeginAsync(1, CancellationToken.None);
        Assert.False(waiting.IsCompleted, "the turn is held while the first check assigns");

        first.Assigned();
        using var second = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(started, second.Assign(Report("n080", now.AddHours(-2))).StoryId);
    }

    [Fact]
    public async Task After_a_failed_commit_the_stage_waits_for_checks_still_committing_before_it_rebuilds()
    {
        using var db = await TestDatabase.CreateAsync(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)));
        var now = db.Time.GetUtcNow();
        using var stage = Stage(db);
        var committing = await stage.BeginAsync(1, CancellationToken.None);
        committing.Assign(Report("n079", now.AddHours(-3)));
        committing.Assigned();
        using (var failed = await stage.BeginAsync(1, CancellationToken.None)) failed.Assign(Report("n031", now.AddHours(-2)));

        var next = stage.BeginAsync(1, CancellationToken.None);
        Assert.False(next.IsCompleted, "a rebuild now would miss the stories of the check still committing");
        committing.Committed();
        committing.Dispose();
        using var rebuilt = await next.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(rebuilt.Assign(Report("n031", now.AddHours(-1))).IsNewStory, "the failed check's story is gone");
    }

    [Fact]
    public async Task Two_processes_on_one_database_never_give_two_new_stories_one_id()
    {
        using var db = await TestDatabase.CreateAsync(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)));
        var now = db.Time.GetUtcNow();
        using var one = Stage(db);
        using var two = Stage(db);
        var ids = new List<long>();
        foreach (var (stage, report) in new[] { (one, "n079"), (two, "n031"), (one, "n044"), (two, "n001") })
        {
            using var batch = await stage.BeginAsync(1, CancellationToken.None);
            var assignment = batch.Assign(Report(report, now.AddHours(-1)));
            Assert.True(assignment.IsNewStory);
            ids.Add(assignment.StoryId);
            batch.Committed();
        }

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_committed_batch_keeps_its_stories_for_the_next_check()
    {
        using var db = await TestDatabase.CreateAsync(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)));
        var now = db.Time.GetUtcNow();
        using var stage = Stage(db);
        long first;
        using (var batch = await stage.BeginAsync(1, CancellationToken.None))
        {
            first = batch.Assign(Report("n079", now.AddHours(-3))).StoryId;
            batch.Committed();
        }

        using var next = await stage.BeginAsync(1, CancellationToken.None);

        Assert.Equal(first, next.Assign(Report("n080", now.AddHours(-2))).StoryId);
    }

    private static StoryStage Stage(TestDatabase db) =>
        new(new StoryStore(db.Database), Options.Create(new StoryOptions()), db.Time, NullLogger<StoryStage>.Instance);

    private static StoryArticle Report(string id, DateTimeOffset published)
    {
        var item = DevReports.Item(id, published);
        return new StoryArticle(id, DevReports.Title(id), item.Text, published, SourceChecker.OutletOf(item.Link), item.Link);
    }

    private static async Task<Dictionary<string, long>> StoriesByIdentityAsync(TestDatabase db)
    {
        await using var c = await db.Database.OpenAsync();
        return (await c.QueryAsync<(string Identity, long StoryId)>("SELECT identity, story_id FROM articles")).ToDictionary(r => r.Identity["id:".Length..], r => r.StoryId);
    }
}
