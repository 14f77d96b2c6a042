using Dapper;

namespace AlertBot.Core.Storage;

public sealed class SourceStore(Database db)
{
    private const string Columns =
        "id, topic_id, url, drip, drip_position, etag, last_modified, last_checked_at, last_success_at, next_check_at, error_count, last_error, disabled, not_found_count, failing_noticed, skipped_items, last_item_error";

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
    /// False: another process is checking it right now.
    /// </summary>
    public async Task<bool> TryClaimAsync(long id, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync(
            "UPDATE sources SET claimed_by = @owner, claim_expires_at = @until WHERE id = @id AND (claimed_by IS NULL OR claim_expires_at < @now)",
            new { id, owner, now, until }) == 1;
    }

    public async Task ReleaseClaimAsync(long id, string owner, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync("UPDATE sources SET claimed_by = NULL, claim_expires_at = NULL WHERE id = @id AND claimed_by = @owner", new { id, owner });
    }

    /// <summary>Follows a permanent redirect. False when another source of the topic already has that URL.</summary>
    public async Task<bool> MoveAsync(long id, string url, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync("UPDATE OR IGNORE sources SET url = @url WHERE id = @id", new { id, url }) > 0;
    }
}
