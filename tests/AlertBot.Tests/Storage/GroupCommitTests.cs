using AlertBot.Core;
using AlertBot.Core.Storage;
using AlertBot.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace AlertBot.Tests.Storage;

/// <summary>
/// Checks that commit while the writer is busy share its next transaction. The tests hold SQLite's write lock from
/// another connection, so the writer's first transaction waits for it and every commit queued meanwhile waits together.
/// </summary>
public sealed class GroupCommitTests
{
    private static readonly ChatTarget s_chat = new("test", "chat");

    private static async Task<(TestDatabase Db, IngestStore Store, IReadOnlyList<long> Sources, long SubscriptionId)> CreateAsync(int feeds)
    {
        var db = await TestDatabase.CreateAsync(new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)),
            TestDatabase.Topic("t", Enumerable.Range(0, feeds).Select(i => $"https://example.com/feed/{i}").ToArray()));
        var sources = (await db.Sources.ListAsync()).Select(s => s.Id).Order().ToList();
        var subscriptionId = await db.Subscriptions.AddAsync(s_chat, isPrivate: false, "u", "t", "");
        return (db, new IngestStore(db.Database), sources, subscriptionId);
    }

    private static CheckCommit Commit(TestDatabase db, long sourceId, long subscriptionId, string text = "x") =>
        new(sourceId, "t", new SourceOutcome.Succeeded(db.Time.GetUtcNow(), db.Time.GetUtcNow().AddMinutes(10), $"\"etag-{sourceId}\"", null, 0),
            [new NewArticle(new ArticleRecord { TopicId = "t", Identity = $"id:{sourceId}", Title = $"From {sourceId}", Text = text, Summary = "x", FetchedAt = db.Time.GetUtcNow() },
                [], [new PlannedAlert(s_chat, subscriptionId)])]);

    /// <summary>Holds the write lock, then queues a commit of one new article for each source.</summary>
    private static async Task<(SqliteTransaction Held, List<Task<(int Stored, int Alerts)>> Commits)> QueueBehindHeldLockAsync(
        TestDatabase db, IngestStore store, IReadOnlyList<long> sources, long subscriptionId)
    {
        var held = await HoldWriteLockAsync(db);
        return (held, sources.Select(id => store.CommitAsync(Commit(db, id, subscriptionId))).ToList());
    }

    /// <summary>Takes SQLite's write lock from a connection of its own until disposed.</summary>
    private static async Task<SqliteTransaction> HoldWriteLockAsync(TestDatabase db)
    {
        var c = await db.Database.OpenAsync();
        return c.BeginTransaction(deferred: false);
    }

    private static async Task ReleaseAsync(SqliteTransaction held)
    {
        var c = held.Connection!;
        held.Rollback();
        held.Dispose();
        await c.DisposeAsync();
    }

    private static async Task<IReadOnlyList<string>> StoredTitlesAsync(TestDatabase db)
    {
        await using var c = await db.Database.OpenAsync();
        return (await c.QueryAsync<string>("SELECT title FROM articles ORDER BY title")).ToList();
    }

    [Fact]
    public async Task Commits_that_wait_for_the_writer_together_land_in_one_transaction()
    {
        var (db, store, sources, subscriptionId) = await CreateAsync(6);
        using var _ = db;

        var (held, commits) = await QueueBehindHeldLockAsync(db, store, sources, subscriptionId);
        await Task.Delay(100);
        Assert.All(commits, c => Assert.False(c.IsCompleted));
        await ReleaseAsync(held);
        var results = await Task.WhenAll(commits);

        Assert.All(results, r => Assert.Equal((1, 1), r));
        Assert.Equal(6, (await StoredTitlesAsync(db)).Count);
        // The first waits alone for the lock at most; all the others wait behind it and go in the next transaction.
        Assert.InRange(db.Database.Writer.Transactions, 1, 2);
    }

    [Fact]
    public async Task A_check_that_fails_in_a_shared_transaction_loses_only_its_own_writes_and_only_its_caller_sees_the_error()
    {
        var (db, store, sources, subscriptionId) = await CreateAsync(3);
        using var _ = db;
        await using (var c = await db.Database.OpenAsync())
            await c.ExecuteAsync($"CREATE TRIGGER crash BEFORE UPDATE ON sources WHEN NEW.id = {sources[1]} BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;");

        var (held, commits) = await QueueBehindHeldLockAsync(db, store, sources, subscriptionId);
        await ReleaseAsync(held);

        var error = await Assert.ThrowsAsync<SqliteException>(() => commits[1]);
        Assert.Contains("disk on fire", error.Message, StringComparison.Ordinal);
        Assert.Equal((1, 1), await commits[0]);
        Assert.Equal((1, 1), await commits[2]);
        Assert.Equal([$"From {sources[0]}", $"From {sources[2]}"], await StoredTitlesAsync(db));
        Assert.Equal(2, (await db.Outbox.DueAsync(db.Time.GetUtcNow(), 10)).Count);
        Assert.Null((await db.Sources.FindAsync(sources[1]))!.Etag);
        Assert.Equal($"\"etag-{sources[2]}\"", (await db.Sources.FindAsync(sources[2]))!.Etag);
        // The two that stand committed; the failing one's transaction did not.
        Assert.Equal(2, db.Database.Writer.Transactions);
    }

    [Fact]
    public async Task A_caller_that_gives_up_while_its_commit_is_queued_is_cancelled_and_nothing_of_it_is_written()
    {
        var (db, store, sources, subscriptionId) = await CreateAsync(2);
        using var _ = db;
        using var cts = new CancellationTokenSource();

        var held = await HoldWriteLockAsync(db);
        var first = store.CommitAsync(Commit(db, sources[0], subscriptionId));
        await Task.Delay(200); // the writer takes the first and waits for the lock with it
        var second = store.CommitAsync(Commit(db, sources[1], subscriptionId), cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        await ReleaseAsync(held);

        Assert.Equal((1, 1), await first);
        Assert.Equal([$"From {sources[0]}"], await StoredTitlesAsync(db));
    }

    [Fact]
    public async Task Disposing_the_database_finishes_the_queued_commits_and_refuses_new_ones()
    {
        var (db, store, sources, subscriptionId) = await CreateAsync(3);
        using var _ = db;

        var (held, commits) = await QueueBehindHeldLockAsync(db, store, sources, subscriptionId);
        var disposed = Task.Run(db.Database.Dispose);
        await Task.Delay(100);
        Assert.False(disposed.IsCompleted);
        await ReleaseAsync(held);
        await disposed.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.All(await Task.WhenAll(commits), r => Assert.Equal((1, 1), r));
        Assert.Equal(3, (await StoredTitlesAsync(db)).Count);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.CommitAsync(Commit(db, sources[0], subscriptionId)));
    }

    [Fact]
    public async Task The_writer_comes_back_after_its_idle_thread_ended()
    {
        var (db, _, sources, _) = await CreateAsync(2);
        using var __ = db;
        using var writer = new DatabaseWriter(db.Database, idle: TimeSpan.FromMilliseconds(20));

        Assert.Equal(1, await writer.SubmitAsync(s => s.Get("UPDATE sources SET etag = 'a' WHERE id = @id").Execute(("@id", sources[0])), 1, CancellationToken.None));
        await Task.Delay(200);
        Assert.Equal(1, await writer.SubmitAsync(s => s.Get("UPDATE sources SET etag = 'b' WHERE id = @id").Execute(("@id", sources[1])), 1, CancellationToken.None));

        Assert.Equal(["a", "b"], (await db.Sources.ListAsync()).OrderBy(s => s.Id).Select(s => s.Etag));
        Assert.Equal(2, writer.Transactions);
    }

    [Fact]
    public async Task The_writers_commits_are_checkpointed_into_the_database_file_by_another_connection()
    {
        var (db, store, sources, subscriptionId) = await CreateAsync(feeds: 24);
        using var _ = db;
        var file = new FileInfo(db.Database.FilePath);
        var before = file.Length;

        // One commit at a time, so each is a transaction of its own; the writer's connection never checkpoints itself.
        // Each article is larger than a page, so its pages cannot all fit in free pages the file already has.
        var text = new string('x', 16 * 1024);
        foreach (var source in sources) await store.CommitAsync(Commit(db, source, subscriptionId, text));

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (new FileInfo(file.FullName).Length == before && waited.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(20);
        Assert.True(new FileInfo(file.FullName).Length > before, "the new pages never reached the database file");
    }
}
