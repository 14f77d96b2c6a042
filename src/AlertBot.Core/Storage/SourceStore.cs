using System.Data.Common;
using AlertBot.Core.Feeds;
using Dapper;

namespace AlertBot.Core.Storage;

public sealed class SourceStore(Database db)
{
    private const string Columns =
        "id, topic_id, url, title, drip, drip_position, etag, last_modified, last_checked_at, last_success_at, next_check_at, error_count, last_error, disabled, not_found_count, failing_noticed, skipped_items, last_item_error";

    public async Task<IReadOnlyList<SourceRecord>> ListAsync(CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<SourceRecord>($"SELECT {Columns} FROM sources ORDER BY id")).ToList();
    }

    /// <summary>Each feed an active topic uses, with the shortest check interval among those topics (how often it is fetched).</summary>
    public async Task<IReadOnlyDictionary<long, TimeSpan>> IntervalsAsync(CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<(long SourceId, long Seconds)>(
            """
            SELECT ts.source_id, MIN(t.check_interval_seconds) FROM topic_sources ts JOIN topics t ON t.id = ts.topic_id
            WHERE t.removed_at IS NULL AND t.paused = 0 GROUP BY ts.source_id
            """)).ToDictionary(r => r.SourceId, r => TimeSpan.FromSeconds(r.Seconds));
    }

    /// <summary>The feeds a topic uses, in the order they were added (the numbers /topic sources shows).</summary>
    public async Task<IReadOnlyList<SourceRecord>> ForTopicAsync(string topicId, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<SourceRecord>(
            $"""
            SELECT {SqlColumns.Prefixed(Columns, "s")} FROM sources s JOIN topic_sources ts ON ts.source_id = s.id
            WHERE ts.topic_id = @topicId ORDER BY ts.added_at, s.id
            """, new { topicId })).ToList();
    }

    /// <summary>The feed stored under this URL once normalised, or null.</summary>
    public async Task<SourceRecord?> FindByUrlAsync(string url, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<SourceRecord>($"SELECT {Columns} FROM sources WHERE url = @url", new { url = FeedUrl.Normalise(url) });
    }

    /// <summary>Links a feed to a topic, storing the feed first if no topic used its URL yet.</summary>
    /// <returns>The feed's id and whether the topic had it already.</returns>
    public async Task<(long SourceId, bool AlreadyLinked)> AddToTopicAsync(string topicId, string url, string? title, string? addedBy, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var id = await EnsureAsync(c, tx, topicId, url, addedBy);
        if (title is not null) await c.ExecuteAsync("UPDATE sources SET title = @title WHERE id = @id", new { id, title }, tx);
        var linked = await LinkAsync(c, tx, topicId, id, now, addedBy ?? "");
        await tx.CommitAsync(ct);
        return (id, !linked);
    }

    /// <summary>Links several feeds to a topic in one transaction (an OPML import): all of them, or none on failure.</summary>
    /// <returns>The ids of the feeds the topic did not have yet, in the order given.</returns>
    public async Task<IReadOnlyList<long>> AddManyToTopicAsync(string topicId, IReadOnlyList<(string Url, string? Title)> feeds, string? addedBy, DateTimeOffset now, CancellationToken ct = default)
    {
        if (feeds.Count == 0) return [];
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var added = new List<long>();
        foreach (var (url, title) in feeds)
        {
            var id = await EnsureAsync(c, tx, topicId, url, addedBy);
            if (title is not null) await c.ExecuteAsync("UPDATE sources SET title = COALESCE(title, @title) WHERE id = @id", new { id, title }, tx);
            if (await LinkAsync(c, tx, topicId, id, now, addedBy ?? "")) added.Add(id);
        }
        await tx.CommitAsync(ct);
        return added;
    }

    /// <summary>Unlinks a feed from a topic; the feed itself stays for the other topics that use it.</summary>
    public async Task<bool> RemoveFromTopicAsync(string topicId, long sourceId, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync("DELETE FROM topic_sources WHERE topic_id = @topicId AND source_id = @sourceId", new { topicId, sourceId }) > 0;
    }

    /// <summary>Turns a disabled feed back on with its failure counters cleared; its next check is due at once.</summary>
    public async Task EnableAsync(long id, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(
            """
            UPDATE sources SET disabled = 0, error_count = 0, not_found_count = 0, failing_noticed = 0, next_check_at = @now
            WHERE id = @id
            """, new { id, now });
    }

    /// <summary>The feed's id under its normalised URL, inserted (first brought by <paramref name="topicId"/>) when new.</summary>
    internal static async Task<long> EnsureAsync(DbConnection c, DbTransaction tx, string topicId, string url, string? addedBy)
    {
        var normalised = FeedUrl.Normalise(url);
        await c.ExecuteAsync(
            "INSERT INTO sources (topic_id, url, added_by) VALUES (@topicId, @normalised, @addedBy) ON CONFLICT (url) DO NOTHING",
            new { topicId, normalised, addedBy }, tx);
        return await c.ExecuteScalarAsync<long>("SELECT id FROM sources WHERE url = @normalised", new { normalised }, tx);
    }

    /// <param name="addedBy">Who linked it; null for topics.json, which unlinks only the feeds it linked itself.</param>
    /// <returns>False when the topic used the feed already.</returns>
    internal static async Task<bool> LinkAsync(DbConnection c, DbTransaction tx, string topicId, long sourceId, DateTimeOffset now, string? addedBy) =>
        await c.ExecuteAsync(
            "INSERT INTO topic_sources (topic_id, source_id, added_at, added_by) VALUES (@topicId, @sourceId, @now, @addedBy) ON CONFLICT DO NOTHING",
            new { topicId, sourceId, now, addedBy }, tx) > 0;

    public async Task<SourceRecord?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<SourceRecord>($"SELECT {Columns} FROM sources WHERE id = @id", new { id });
    }

    /// <summary>A successful check (200 or 304): validators, drip position, skipped items; errors cleared.</summary>
    internal const string RecordSuccessSql =
        """
        UPDATE sources SET etag = @etag, last_modified = @lastModified, drip_position = @dripPosition,
            last_checked_at = @now, last_success_at = @now, next_check_at = @nextCheck, error_count = 0, last_error = NULL,
            not_found_count = 0, failing_noticed = 0, skipped_items = @skippedItems, last_item_error = @lastItemError
        WHERE id = @id
        """;

    /// <summary>A failed check. A 404 counts toward disabling; any other outcome resets that count.</summary>
    internal const string RecordFailureSql =
        """
        UPDATE sources SET last_checked_at = @now, next_check_at = @nextCheck, error_count = error_count + 1,
            last_error = @error, disabled = disabled OR @disable,
            not_found_count = CASE WHEN @notFound THEN not_found_count + 1 ELSE 0 END,
            failing_noticed = failing_noticed OR @noticed
        WHERE id = @id
        """;

    /// <summary>Records a successful check outside a check's commit (tests, tools).</summary>
    public async Task RecordSuccessAsync(long id, string? etag, string? lastModified, long dripPosition, DateTimeOffset now, DateTimeOffset nextCheck, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(RecordSuccessSql, new { id, etag, lastModified, dripPosition, now, nextCheck, skippedItems = 0, lastItemError = (string?)null });
    }

    /// <summary>Records a failed check outside a check's commit (tests, tools).</summary>
    public async Task RecordFailureAsync(long id, string error, DateTimeOffset now, DateTimeOffset nextCheck, bool disable, bool notFound = false, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(RecordFailureSql, new { id, error, now, nextCheck, disable, notFound, noticed = false });
    }

    /// <summary>
    /// Claims the source for one check by <paramref name="owner"/> until <paramref name="until"/>, in one statement
    /// that only succeeds when nobody holds it or the holder's lease ran out (a process that died mid-check).
    /// False: another process is checking it right now. Claims go through the check path's one writer, like its
    /// commits: a claim taken between two commits would otherwise sleep in SQLite's busy handler.
    /// </summary>
    public Task<bool> TryClaimAsync(long id, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken ct = default) =>
        db.Writer.SubmitAsync(s => s.Get(
            "UPDATE sources SET claimed_by = @owner, claim_expires_at = @until WHERE id = @id AND (claimed_by IS NULL OR claim_expires_at < @now)")
            .Execute(("@owner", owner), ("@until", until), ("@id", id), ("@now", now)) == 1, 1, ct);

    public Task ReleaseClaimAsync(long id, string owner, CancellationToken ct = default) =>
        db.Writer.SubmitAsync(s => s.Get("UPDATE sources SET claimed_by = NULL, claim_expires_at = NULL WHERE id = @id AND claimed_by = @owner")
            .Execute(("@id", id), ("@owner", owner)), 1, ct);

    /// <summary>Follows a permanent redirect. False when another source of the topic already has that URL.</summary>
    public async Task<bool> MoveAsync(long id, string url, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync("UPDATE OR IGNORE sources SET url = @url WHERE id = @id", new { id, url }) > 0;
    }
}
