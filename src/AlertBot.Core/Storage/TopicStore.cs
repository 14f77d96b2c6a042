using Dapper;

namespace AlertBot.Core.Storage;

/// <summary>
/// Topics and which feeds each uses. A removed topic keeps its row (articles and feeds still name it) but is invisible
/// to everything here except <see cref="FindAnyAsync"/>, so its owner can add it again.
/// </summary>
public sealed class TopicStore(Database db, TimeProvider time)
{
    internal const string Columns = "id, name, query, check_interval_seconds, owner, paused";

    public async Task<IReadOnlyList<TopicRecord>> ListAsync(CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<TopicRow>($"SELECT {Columns} FROM topics WHERE removed_at IS NULL ORDER BY id")).Select(r => r.ToRecord()).ToList();
    }

    /// <summary>What a community sees: the operator's topics and its own.</summary>
    public async Task<IReadOnlyList<TopicRecord>> VisibleAsync(string community, CancellationToken ct = default) =>
        (await ListAsync(ct)).Where(t => t.Owner is null || t.Owner == community).ToList();

    public async Task<TopicRecord?> FindAsync(string id, CancellationToken ct = default) =>
        await FindAsync(id, includeRemoved: false, ct);

    /// <summary>A topic this community may see: the operator's, or its own; null for another community's.</summary>
    public async Task<TopicRecord?> FindVisibleAsync(string id, string community, CancellationToken ct = default) =>
        await FindAsync(id, ct) is { } topic && (topic.Owner is null || topic.Owner == community) ? topic : null;

    /// <summary>A topic even when removed, with whether it was.</summary>
    public async Task<(TopicRecord Topic, bool Removed)?> FindAnyAsync(string id, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<TopicRow>(
            $"SELECT {Columns}, removed_at FROM topics WHERE id = @id COLLATE NOCASE", new { id });
        return row is null ? null : (row.ToRecord(), row.RemovedAt is not null);
    }

    private async Task<TopicRecord?> FindAsync(string id, bool includeRemoved, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<TopicRow>(
            $"SELECT {Columns} FROM topics WHERE id = @id COLLATE NOCASE AND (@includeRemoved OR removed_at IS NULL)", new { id, includeRemoved });
        return row?.ToRecord();
    }

    /// <summary>The active (not paused, not removed) topics that use a feed: whose articles its items may become.</summary>
    public async Task<IReadOnlyList<TopicRecord>> UsingSourceAsync(long sourceId, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<TopicRow>(
            $"""
            SELECT {SqlColumns.Prefixed(Columns, "t")} FROM topics t JOIN topic_sources ts ON ts.topic_id = t.id
            WHERE ts.source_id = @sourceId AND t.removed_at IS NULL AND t.paused = 0 ORDER BY t.id
            """, new { sourceId })).Select(r => r.ToRecord()).ToList();
    }

    /// <summary>The topic each of these subscriptions follows (subscriptions to every topic are left out).</summary>
    public async Task<IReadOnlyDictionary<long, string>> OfSubscriptionsAsync(IReadOnlyCollection<long> subscriptionIds, CancellationToken ct = default)
    {
        if (subscriptionIds.Count == 0) return new Dictionary<long, string>();
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<(long Id, string TopicId)>(
            "SELECT id, topic_id FROM subscriptions WHERE id IN @subscriptionIds AND topic_id IS NOT NULL", new { subscriptionIds }))
            .ToDictionary(r => r.Id, r => r.TopicId);
    }

    /// <summary>How many live topics a community owns (the per-community limit).</summary>
    public async Task<int> CountOwnedAsync(string owner, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM topics WHERE owner = @owner AND removed_at IS NULL", new { owner });
    }

    /// <summary>Creates a topic, or brings back one its owner removed (same id, new name/query/interval).</summary>
    public async Task CreateAsync(TopicRecord topic, string? createdBy, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(
            """
            INSERT INTO topics (id, name, query, check_interval_seconds, created_at, owner, paused, created_by)
            VALUES (@Id, @Name, @Query, @CheckIntervalSeconds, @now, @Owner, 0, @createdBy)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, query = excluded.query,
                check_interval_seconds = excluded.check_interval_seconds, paused = 0, removed_at = NULL, created_by = excluded.created_by
            WHERE topics.removed_at IS NOT NULL AND topics.owner IS excluded.owner
            """, new { topic.Id, topic.Name, topic.Query, topic.CheckIntervalSeconds, topic.Owner, createdBy, now = time.GetUtcNow() });
    }

    public async Task UpdateAsync(TopicRecord topic, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(
            "UPDATE topics SET name = @Name, query = @Query, check_interval_seconds = @CheckIntervalSeconds, paused = @Paused WHERE id = @Id",
            new { topic.Id, topic.Name, topic.Query, topic.CheckIntervalSeconds, topic.Paused });
    }

    /// <summary>
    /// Removes a topic: its subscriptions and feed links go, its row stays marked (articles and feeds name it). Feeds no
    /// other topic uses stop being checked because nothing links them.
    /// </summary>
    /// <returns>How many subscriptions were removed with it.</returns>
    public async Task<int> RemoveAsync(string id, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var subscriptions = await c.ExecuteAsync("DELETE FROM subscriptions WHERE topic_id = @id", new { id }, tx);
        await c.ExecuteAsync("DELETE FROM topic_sources WHERE topic_id = @id", new { id }, tx);
        await c.ExecuteAsync("UPDATE topics SET removed_at = @now, paused = 1 WHERE id = @id", new { id, now = time.GetUtcNow() }, tx);
        await tx.CommitAsync(ct);
        return subscriptions;
    }

    /// <summary>
    /// Applies topics.json as the operator's desired state: new topics and feeds are added, names, queries and intervals
    /// updated, feeds the file linked and no longer lists unlinked (feeds added with the opml verb stay), and an operator's topic missing from the file paused (never deleted, so
    /// its subscriptions survive). A community's topic is never touched; a file topic whose id a community took is skipped.
    /// </summary>
    public async Task<TopicsApplied> ApplyAsync(IReadOnlyList<TopicSeed> desired, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var existing = (await c.QueryAsync<TopicRow>($"SELECT {Columns}, removed_at FROM topics", transaction: tx))
            .ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
        List<string> added = [], updated = [], paused = [], skipped = [];
        foreach (var t in desired)
        {
            var interval = (long)t.CheckInterval.TotalSeconds;
            var query = t.Query ?? "";
            if (existing.TryGetValue(t.Id, out var row))
            {
                if (row.Owner is not null)
                {
                    skipped.Add(t.Id);
                    continue;
                }
                if (row.Name != t.Name || row.Query != query || row.CheckIntervalSeconds != interval || row.Paused || row.RemovedAt is not null)
                {
                    await c.ExecuteAsync(
                        "UPDATE topics SET name = @Name, query = @query, check_interval_seconds = @interval, paused = 0, removed_at = NULL WHERE id = @Id",
                        new { t.Id, t.Name, query, interval }, tx);
                    updated.Add(t.Id);
                }
            }
            else
            {
                await c.ExecuteAsync(
                    "INSERT INTO topics (id, name, query, check_interval_seconds, created_at) VALUES (@Id, @Name, @query, @interval, @now)",
                    new { t.Id, t.Name, query, interval, now }, tx);
                added.Add(t.Id);
            }
            var linked = new List<long>();
            foreach (var s in t.Sources)
            {
                var sourceId = await SourceStore.EnsureAsync(c, tx, t.Id, s.Url, null);
                if (s.Drip) await c.ExecuteAsync("UPDATE sources SET drip = 1 WHERE id = @sourceId AND drip = 0", new { sourceId }, tx);
                await SourceStore.LinkAsync(c, tx, t.Id, sourceId, now, addedBy: null);
                linked.Add(sourceId);
            }
            await c.ExecuteAsync("DELETE FROM topic_sources WHERE topic_id = @Id AND added_by IS NULL AND source_id NOT IN @linked", new { t.Id, linked }, tx);
        }
        var wanted = desired.Select(t => t.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var row in existing.Values.Where(r => r.Owner is null && !r.Paused && r.RemovedAt is null && !wanted.Contains(r.Id)))
        {
            await c.ExecuteAsync("UPDATE topics SET paused = 1 WHERE id = @Id", new { row.Id }, tx);
            paused.Add(row.Id);
        }
        await tx.CommitAsync(ct);
        return new TopicsApplied(added, updated, paused, skipped);
    }

    private sealed record TopicRow
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string Query { get; init; } = "";
        public long CheckIntervalSeconds { get; init; }
        public string? Owner { get; init; }
        public bool Paused { get; init; }
        public string? RemovedAt { get; init; }

        public TopicRecord ToRecord() => new(Id, Name, Query, CheckIntervalSeconds) { Owner = Owner, Paused = Paused };
    }
}

public sealed record TopicSeed(string Id, string Name, string? Query, TimeSpan CheckInterval, IReadOnlyList<SourceSeed> Sources);

public sealed record SourceSeed(string Url, bool Drip);

/// <summary>What applying topics.json changed, by topic id.</summary>
/// <param name="Skipped">File topics whose id a community owns: the file cannot take them over.</param>
public sealed record TopicsApplied(IReadOnlyList<string> Added, IReadOnlyList<string> Updated, IReadOnlyList<string> Paused, IReadOnlyList<string> Skipped);
