using AlertBot.Core.Storage;
using Dapper;

namespace AlertBot.Core.Channels;

/// <summary>
/// The outbox as the channel settings see it: alerts held for quiet hours, a digest time, the hourly cap
/// or a pause. Held rows stay pending (never dropped); only their due time and batch change.
/// </summary>
public sealed class HeldAlertStore(Database db)
{
    /// <summary>Holds pending rows until a time (or, for <see cref="HeldBatch.Paused"/>, until resumed).</summary>
    public async Task HoldAsync(IEnumerable<long> ids, string batch, DateTimeOffset until, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        foreach (var id in ids)
        {
            // The claim goes with the hold: whichever process finds the row due later takes it afresh.
            await c.ExecuteAsync(
                "UPDATE outbox SET batch = @batch, next_attempt_at = @until, claimed_by = NULL, claim_expires_at = NULL WHERE id = @id AND status = 'pending'",
                new { id, batch, until }, tx);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Claims every held row of a chat whose time has come that no other process holds (renewing those
    /// <paramref name="owner"/> holds) and returns them: one digest, even when several digest times passed while the
    /// bot was down, and never the same digest from two processes.
    /// </summary>
    public async Task<IReadOnlyList<OutboxRecord>> ClaimDueHeldAsync(
        string owner, ChatTarget chat, DateTimeOffset now, DateTimeOffset until, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<OutboxRecord>(
            $"""
            UPDATE outbox SET claimed_by = @owner, claim_expires_at = @until
            WHERE platform = @Platform AND chat_id = @ChatId AND status = 'pending'
              AND batch LIKE 'hold:%' AND next_attempt_at <= @now
              AND (claimed_by IS NULL OR claimed_by = @owner OR claim_expires_at < @now)
            RETURNING {OutboxStore.Columns}
            """, new { owner, chat.Platform, chat.ChatId, now, until });
        return rows.OrderBy(r => r.Id).ToList();
    }

    /// <summary>How many alerts wait for this chat (held or about to go).</summary>
    public async Task<int> CountWaitingAsync(ChatTarget chat, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM outbox WHERE platform = @Platform AND chat_id = @ChatId AND status = 'pending' AND notice IS NULL", chat);
    }

    /// <summary>
    /// When this chat's messages went out since <paramref name="since"/>: each alert, and each burst digest once.
    /// Held digests are not counted: they are what the cap folds alerts into.
    /// </summary>
    public async Task<IReadOnlyList<DateTimeOffset>> SendsSinceAsync(ChatTarget chat, DateTimeOffset since, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<DateTimeOffset>(
            """
            SELECT MIN(sent_at) FROM outbox
            WHERE platform = @Platform AND chat_id = @ChatId AND status = 'sent' AND sent_at >= @since AND notice IS NULL
              AND (batch IS NULL OR batch NOT LIKE 'hold:%')
            GROUP BY COALESCE(batch, CAST(id AS TEXT))
            """, new { chat.Platform, chat.ChatId, since })).ToList();
    }

    /// <summary>
    /// Makes every waiting alert of a chat due now as one digest (a resume). A row a dispatcher has claimed is left as
    /// it is: it is being sent (or held) right now, and rewriting it under the dispatcher would turn an alert sent on its
    /// own into a "held" one that the hourly cap no longer counts, or be undone by the dispatcher's own hold.
    /// </summary>
    /// <returns>How many rows were released.</returns>
    public async Task<int> ReleaseAllAsync(ChatTarget chat, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync(
            """
            UPDATE outbox SET batch = @batch, next_attempt_at = @now
            WHERE platform = @Platform AND chat_id = @ChatId AND status = 'pending' AND notice IS NULL AND kind = 'alert'
              AND (claimed_by IS NULL OR claim_expires_at < @now)
            """, new { batch = HeldBatch.Until(now), now, chat.Platform, chat.ChatId });
    }

    /// <summary>Which of these subscriptions asked for digests whatever their channel's mode: one read for a batch of rows.</summary>
    public async Task<IReadOnlySet<long>> DigestSubscriptionsAsync(IEnumerable<long> subscriptionIds, CancellationToken ct = default)
    {
        var ids = subscriptionIds.Distinct().ToList();
        if (ids.Count == 0) return new HashSet<long>();
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<long>("SELECT id FROM subscriptions WHERE digest <> 0 AND id IN @ids", new { ids })).ToHashSet();
    }
}
