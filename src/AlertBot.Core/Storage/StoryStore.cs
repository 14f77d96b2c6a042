using Dapper;

namespace AlertBot.Core.Storage;

/// <summary>Stories as stored: the reports of the active window (to rebuild the stories stage at start) and what chat commands show.</summary>
public sealed class StoryStore(Database db)
{
    /// <summary>
    /// Every stored report of the stories first seen at or after <paramref name="since"/>, in the order they were
    /// stored (the order the stories stage assigned them). A story's times are the handler's ISO text, so the bound is
    /// too: the text Dapper would bind sorts apart from it within a day.
    /// </summary>
    public async Task<IReadOnlyList<StoredReport>> WindowReportsAsync(DateTimeOffset since, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<StoredReport>(
            """
            SELECT a.id AS article_id, a.story_id, a.title, a.text, a.published_at, a.fetched_at, a.outlet, a.link
            FROM articles a JOIN stories s ON s.id = a.story_id
            WHERE s.first_seen_at >= @since
            ORDER BY a.id
            """, new { since = DateTimeOffsetHandler.Format(since) })).ToList();
    }

    /// <summary>
    /// Hands out <paramref name="count"/> story ids nobody else has: one statement moves the shared counter on, so two
    /// processes reserving at once get disjoint blocks (ids reserved and never used are simply skipped).
    /// </summary>
    /// <returns>The first id of the block.</returns>
    public async Task<long> ReserveIdsAsync(int count, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<long>(
            "UPDATE story_ids SET next_id = next_id + @count WHERE id = 1 RETURNING next_id - @count", new { count });
    }

    public async Task<StoryRecord?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<StoryRecord>(
            "SELECT id, first_seen_at, last_seen_at, title, reports FROM stories WHERE id = @id", new { id });
    }
}
