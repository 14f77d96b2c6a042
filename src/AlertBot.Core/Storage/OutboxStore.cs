using Dapper;

namespace AlertBot.Core.Storage;

/// <summary>
/// One row per (target, article), written before anything is sent. The unique key is what makes a
/// second check, a restart or a crash unable to alert the same target about the same article twice.
/// </summary>
public sealed class OutboxStore(Database db)
{
    /// <summary>The columns an <see cref="OutboxRecord"/> is read from (also read by <see cref="HeldAlertStore"/>).</summary>
    internal const string Columns = "id, platform, chat_id, article_id, notice, subscription_id, status, attempts, next_attempt_at, last_error, batch";
    private static readonly string JoinedColumns = SqlColumns.Prefixed(Columns, "o");

    /// <summary>One alert row, unless the target already has the article or the chat is disabled.</summary>
    internal const string EnqueueAlertSql =
        """
        INSERT INTO outbox (platform, chat_id, article_id, subscription_id, batch, next_attempt_at, created_at)
        SELECT @Platform, @ChatId, @ArticleId, @SubscriptionId, @Batch, @now, @now
        WHERE EXISTS (SELECT 1 FROM chats WHERE platform = @Platform AND chat_id = @ChatId AND disabled = 0)
        ON CONFLICT (platform, chat_id, article_id) DO NOTHING
        """;

    /// <summary>A notice for every chat where the topic's moderators read notices.</summary>
    internal static readonly string EnqueueNoticeSql =
        $"""
        INSERT INTO outbox (platform, chat_id, notice, next_attempt_at, created_at)
        SELECT platform, chat_id, @notice, @now, @now FROM ({SubscriptionStore.ModeratorChatsSql}) WHERE 1
        """;

    /// <returns>How many rows were new.</returns>
    public async Task<int> EnqueueAsync(IEnumerable<OutboxEntry> entries, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var inserted = 0;
        foreach (var e in entries)
        {
            inserted += await c.ExecuteAsync(EnqueueAlertSql,
                new { e.Target.Platform, e.Target.ChatId, e.ArticleId, e.SubscriptionId, e.Batch, now }, tx);
        }
        await tx.CommitAsync(ct);
        return inserted;
    }

    public async Task<IReadOnlyList<OutboxRecord>> DueAsync(DateTimeOffset now, int limit, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<OutboxRecord>(
            $"""
            SELECT {JoinedColumns} FROM outbox o
            JOIN chats ch ON ch.platform = o.platform AND ch.chat_id = o.chat_id
            WHERE o.status = 'pending' AND o.next_attempt_at <= @now AND ch.disabled = 0
            ORDER BY o.next_attempt_at, o.id
            LIMIT @limit
            """, new { now, limit })).ToList();
    }

    /// <summary>The pending rows of one digest for one target.</summary>
    public async Task<IReadOnlyList<OutboxRecord>> PendingBatchAsync(string batch, ChatTarget target, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<OutboxRecord>(
            $"SELECT {Columns} FROM outbox WHERE batch = @batch AND platform = @Platform AND chat_id = @ChatId AND status = 'pending' ORDER BY id",
            new { batch, target.Platform, target.ChatId })).ToList();
    }

    public async Task MarkSentAsync(long id, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync("UPDATE outbox SET status = 'sent', sent_at = @now, attempts = attempts + 1, last_error = NULL WHERE id = @id", new { id, now });
    }

    public async Task MarkRetryAsync(long id, string error, DateTimeOffset nextAttempt, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(
            "UPDATE outbox SET attempts = attempts + 1, last_error = @error, next_attempt_at = @nextAttempt WHERE id = @id",
            new { id, error, nextAttempt });
    }

    public async Task MarkFinalAsync(long id, string status, string error, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(
            "UPDATE outbox SET status = @status, attempts = attempts + 1, last_error = @error WHERE id = @id",
            new { id, status, error });
    }

    /// <summary>How many rows wait to be sent, and when the oldest of them was written.</summary>
    public async Task<(long Count, DateTimeOffset? Oldest)> PendingStatsAsync(CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        var row = await c.QuerySingleAsync<(long Count, string? Oldest)>("SELECT COUNT(*), MIN(created_at) FROM outbox WHERE status = 'pending'");
        return (row.Count, row.Oldest is null ? null : new DateTimeOffsetHandler().Parse(row.Oldest));
    }

    public async Task<IReadOnlyDictionary<string, long>> CountByStatusAsync(CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<(string Status, long Count)>("SELECT status, COUNT(*) FROM outbox GROUP BY status"))
            .ToDictionary(r => r.Status, r => r.Count);
    }
}

/// <param name="Batch">Rows sharing a batch key go out as one digest message instead of one alert each.</param>
public sealed record OutboxEntry(ChatTarget Target, long ArticleId, long SubscriptionId, string? Batch = null);
