using Dapper;

namespace AlertBot.Core.Storage;

public sealed class TopicStore(Database db, TimeProvider time)
{
    public async Task<IReadOnlyList<TopicRecord>> ListAsync(CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<TopicRecord>("SELECT id, name, query, check_interval_seconds FROM topics ORDER BY id")).ToList();
    }

    public async Task<TopicRecord?> FindAsync(string id, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<TopicRecord>(
            "SELECT id, name, query, check_interval_seconds FROM topics WHERE id = @id COLLATE NOCASE", new { id });
    }

    /// <summary>Seeds topics and their sources once, on the first start of a database; afterwards they live here.</summary>
    /// <returns>False when the database was seeded before and nothing was written.</returns>
    public async Task<bool> SeedOnceAsync(IEnumerable<TopicSeed> topics, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var seeded = await c.ExecuteScalarAsync<string?>("SELECT value FROM meta WHERE key = 'topics_seeded'", transaction: tx);
        if (seeded is not null) return false;

        var now = time.GetUtcNow();
        foreach (var t in topics)
        {
            await c.ExecuteAsync(
                "INSERT INTO topics (id, name, query, check_interval_seconds, created_at) VALUES (@Id, @Name, @Query, @Interval, @now)",
                new { t.Id, t.Name, Query = t.Query ?? "", Interval = (long)t.CheckInterval.TotalSeconds, now }, tx);
            foreach (var s in t.Sources)
            {
                await c.ExecuteAsync(
                    "INSERT INTO sources (topic_id, url, drip) VALUES (@TopicId, @Url, @Drip)",
                    new { TopicId = t.Id, s.Url, s.Drip }, tx);
            }
        }
        await c.ExecuteAsync("INSERT INTO meta (key, value) VALUES ('topics_seeded', @now)", new { now }, tx);
        await tx.CommitAsync(ct);
        return true;
    }
}

public sealed record TopicSeed(string Id, string Name, string? Query, TimeSpan CheckInterval, IReadOnlyList<SourceSeed> Sources);

public sealed record SourceSeed(string Url, bool Drip);
