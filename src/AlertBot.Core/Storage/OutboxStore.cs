using Dapper;

namespace AlertBot.Core.Storage;

/// <summary>
/// One row per (target, article), written before anything is sent. The unique key is what makes a
/// second check, a restart or a crash unable to alert the same target about the same article twice.
/// </summary>
public sealed class OutboxStore(Database db)
{
    /// <summary>The columns an <see cref="OutboxRecord"/> is read from (also read by the held-alert store of the Channels stage).</summary>
    internal const string Columns =
        "id, platform, chat_id, article_id, notice, subscription_id, status, attempts, next_attempt_at, last_error, batch, story_id, kind, message_id, sent_at";
    private static readonly string JoinedColumns = SqlColumns.Prefixed(Columns, "o");

    /// <summary>A notice for every chat where the topic's moderators read notices.</summary>
    internal static readonly string EnqueueNoticeSql =
        $"""
        INSERT INTO outbox (platform, chat_id, notice, next_attempt_at, created_at)
        SELECT platform, chat_id, @notice, @now, @now FROM ({SubscriptionStore.ModeratorChatsSql}) WHERE 1
        """;

    /// <returns>How many rows were new.</returns>
    public Task<int> EnqueueAsync(IEnumerable<OutboxEntry> entries, DateTimeOffset now, CancellationToken ct = default)
    {
        var list = entries.ToList();
        return db.Writer.SubmitAsync(statements =>
        {
            var rows = new AlertRows(statements);
            return list.Sum(e => rows.Add(e.Target, e.ArticleId, e.SubscriptionId, e.Batch, e.StoryId, now));
        }, list.Count, ct);
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

    /// <summary>
    /// Claims up to <paramref name="limit"/> due rows of these platforms for <paramref name="owner"/> until
    /// <paramref name="until"/>, and returns them. One statement that only takes rows nobody holds or whose lease
    /// has expired: SQLite takes the write lock before the statement reads (WAL or not), so two processes racing
    /// for the same rows each get a disjoint set. On PostgreSQL the natural form is the inner SELECT with
    /// <c>FOR UPDATE SKIP LOCKED</c>; as written it is also correct there, since the outer WHERE is re-checked
    /// against a row another transaction just claimed.
    /// A chat in which another process holds a live claim is left to that process: one process at a time sends to a
    /// chat, so the chat's hourly cap, counted from what was sent, holds across processes, and its rows stay in order.
    /// The busy chats are read from the few claimed rows (index outbox_claimed), once per statement; the subquery names
    /// no status so that index serves it (a claim that outlived its row's status still ends with its lease).
    /// </summary>
    public async Task<IReadOnlyList<OutboxRecord>> ClaimDueAsync(
        string owner, IReadOnlyCollection<string> platforms, DateTimeOffset now, DateTimeOffset until, int limit, CancellationToken ct = default)
    {
        if (platforms.Count == 0) return [];
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<OutboxRecord>(
            $"""
            UPDATE outbox SET claimed_by = @owner, claim_expires_at = @until
            WHERE id IN (
                SELECT o.id FROM outbox o
                JOIN chats ch ON ch.platform = o.platform AND ch.chat_id = o.chat_id
                WHERE o.status = 'pending' AND o.next_attempt_at <= @now AND ch.disabled = 0 AND o.platform IN @platforms
                  AND (o.claimed_by IS NULL OR o.claim_expires_at < @now)
                  AND (o.platform, o.chat_id) NOT IN (
                      SELECT x.platform, x.chat_id FROM outbox x
                      WHERE x.claimed_by IS NOT NULL AND x.claimed_by <> @owner AND x.claim_expires_at >= @now)
                ORDER BY o.next_attempt_at, o.id
                LIMIT @limit)
              AND status = 'pending' AND (claimed_by IS NULL OR claim_expires_at < @now)
            RETURNING {Columns}
            """, new { owner, platforms, now, until, limit });
        return rows.OrderBy(r => r.NextAttemptAt).ThenBy(r => r.Id).ToList();
    }

    /// <summary>
    /// Claims the pending rows of one digest for one target that nobody else holds (renewing those the owner
    /// already holds) and returns every row of it the owner now holds: the rows one digest message may carry.
    /// </summary>
    public async Task<IReadOnlyList<OutboxRecord>> ClaimBatchAsync(
        string owner, string batch, ChatTarget target, DateTimeOffset now, DateTimeOffset until, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<OutboxRecord>(
            $"""
            UPDATE outbox SET claimed_by = @owner, claim_expires_at = @until
            WHERE batch = @batch AND platform = @Platform AND chat_id = @ChatId AND status = 'pending'
              AND (claimed_by IS NULL OR claimed_by = @owner OR claim_expires_at < @now)
            RETURNING {Columns}
            """, new { owner, batch, target.Platform, target.ChatId, now, until });
        return rows.OrderBy(r => r.Id).ToList();
    }

    /// <summary>
    /// Extends the owner's lease on these rows right before they are sent. False when any of them was taken over
    /// (the lease ran out and another process claimed it) or is no longer pending: the caller must not send.
    /// </summary>
    public async Task<bool> RenewClaimAsync(string owner, IReadOnlyCollection<long> ids, DateTimeOffset until, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        var renewed = await c.ExecuteAsync(
            "UPDATE outbox SET claim_expires_at = @until WHERE id IN @ids AND claimed_by = @owner AND status = 'pending'",
            new { owner, ids, until });
        return renewed == ids.Count;
    }

    /// <summary>Gives rows back without sending them, so any process may take them at once.</summary>
    public async Task ReleaseClaimAsync(string owner, IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return;
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(
            "UPDATE outbox SET claimed_by = NULL, claim_expires_at = NULL WHERE id IN @ids AND claimed_by = @owner",
            new { owner, ids });
    }

    public Task MarkSentAsync(long id, DateTimeOffset now, CancellationToken ct = default) => MarkSentAsync(id, now, null, ct);

    /// <param name="messageId">The platform's id of the message sent, kept so later reports of the story can edit it.</param>
    public async Task MarkSentAsync(long id, DateTimeOffset now, string? messageId, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(
            """
            UPDATE outbox SET status = 'sent', sent_at = @now, attempts = attempts + 1, last_error = NULL,
                message_id = COALESCE(@messageId, message_id), claimed_by = NULL, claim_expires_at = NULL
            WHERE id = @id
            """,
            new { id, now, messageId });
    }

    /// <summary>The target's alert row for a story (the message later reports edit), or null.</summary>
    public async Task<OutboxRecord?> StoryAlertAsync(ChatTarget target, long storyId, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QueryFirstOrDefaultAsync<OutboxRecord>(
            $"SELECT {Columns} FROM outbox WHERE platform = @Platform AND chat_id = @ChatId AND story_id = @storyId AND kind = 'alert' ORDER BY id LIMIT 1",
            new { target.Platform, target.ChatId, storyId });
    }

    /// <summary>When the target last got an update (a reply to its alert) for a story, or null.</summary>
    public async Task<DateTimeOffset?> LastUpdateAtAsync(ChatTarget target, long storyId, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        var last = await c.ExecuteScalarAsync<string?>(
            "SELECT MAX(sent_at) FROM outbox WHERE platform = @Platform AND chat_id = @ChatId AND story_id = @storyId AND kind = 'update'",
            new { target.Platform, target.ChatId, storyId });
        return last is null ? null : new DateTimeOffsetHandler().Parse(last);
    }

    /// <summary>The edit row also sent an update (a reply to the alert): the next update of the story waits an hour from it.</summary>
    public async Task MarkUpdateAsync(long id, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync("UPDATE outbox SET kind = 'update' WHERE id = @id AND kind = 'edit'", new { id });
    }

    public async Task MarkRetryAsync(long id, string error, DateTimeOffset nextAttempt, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(
            """
            UPDATE outbox SET attempts = attempts + 1, last_error = @error, next_attempt_at = @nextAttempt, claimed_by = NULL, claim_expires_at = NULL
            WHERE id = @id AND status = 'pending'
            """,
            new { id, error, nextAttempt });
    }

    public async Task MarkFinalAsync(long id, string status, string error, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(
            """
            UPDATE outbox SET status = @status, attempts = attempts + 1, last_error = @error, claimed_by = NULL, claim_expires_at = NULL
            WHERE id = @id AND status = 'pending'
            """,
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
/// <param name="StoryId">The article's story: a target that already has an alert for it gets an edit of that alert instead.</param>
public sealed record OutboxEntry(ChatTarget Target, long ArticleId, long SubscriptionId, string? Batch = null, long? StoryId = null);
