using Dapper;

namespace AlertBot.Core.Storage;

public sealed class SourceStore(Database db)
{
    private const string Columns =
        "id, topic_id, url, drip, drip_position, etag, last_modified, last_checked_at, last_success_at, next_check_at, error_count, last_error, disabled";

    public async Task<IReadOnlyList<SourceRecord>> ListAsync(CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<SourceRecord>($"SELECT {Columns} FROM sources ORDER BY id")).ToList();
    }

    public async Task<SourceRecord?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<SourceRecord>($"SELECT {Columns} FROM sources WHERE id = @id", new { id });
    }

    /// <summary>Records a successful check (200 or 304): validators, drip position, errors cleared.</summary>
    public async Task RecordSuccessAsync(long id, string? etag, string? lastModified, long dripPosition, DateTimeOffset now, DateTimeOffset nextCheck, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(
            """
            UPDATE sources SET etag = @etag, last_modified = @lastModified, drip_position = @dripPosition,
                last_checked_at = @now, last_success_at = @now, next_check_at = @nextCheck, error_count = 0, last_error = NULL
            WHERE id = @id
            """,
            new { id, etag, lastModified, dripPosition, now, nextCheck });
    }

    public async Task RecordFailureAsync(long id, string error, DateTimeOffset now, DateTimeOffset nextCheck, bool disable, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(
            """
            UPDATE sources SET last_checked_at = @now, next_check_at = @nextCheck, error_count = error_count + 1,
                last_error = @error, disabled = disabled OR @disable
            WHERE id = @id
            """,
            new { id, error, now, nextCheck, disable });
    }
}
