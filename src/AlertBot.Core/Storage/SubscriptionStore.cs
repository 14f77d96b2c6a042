using Dapper;
using AlertBot.Core.Subscriptions;

namespace AlertBot.Core.Storage;

public sealed class SubscriptionStore(Database db, TimeProvider time)
{
    private const string Columns = "id, platform, chat_id, user_id, topic_id, query, created_at";
    private static readonly string JoinedColumns = SqlColumns.Prefixed(Columns, "s");

    /// <summary>Adds a subscription with no limit or duplicate check (set-up and tests); commands go through <c>ChatLifecycle</c>.</summary>
    public async Task<long> AddAsync(ChatTarget chat, bool isPrivate, string userId, string? topicId, string query, CancellationToken ct = default) =>
        await AddAsync(new NewSubscription(chat, isPrivate, userId, topicId, query), int.MaxValue, _ => false, ct) is SubscribeOutcome.Added added
            ? added.Id
            : throw new InvalidOperationException("An unconditional subscription was not added.");

    /// <summary>
    /// In one transaction: enables the chat (creating it on first use), then adds the subscription unless the chat
    /// already has one that <paramref name="isSame"/> recognises or already has <paramref name="limit"/> of them.
    /// </summary>
    public async Task<SubscribeOutcome> AddAsync(NewSubscription wanted, int limit, Func<SubscriptionRecord, bool> isSame, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var chat = wanted.Chat;
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var wasDisabled = await c.ExecuteScalarAsync<bool?>(
            "SELECT disabled FROM chats WHERE platform = @Platform AND chat_id = @ChatId", chat, tx) == true;
        await c.ExecuteAsync(
            """
            INSERT INTO chats (platform, chat_id, is_private, created_at) VALUES (@Platform, @ChatId, @IsPrivate, @now)
            ON CONFLICT (platform, chat_id) DO UPDATE SET disabled = 0, disabled_reason = NULL
            """, new { chat.Platform, chat.ChatId, wanted.IsPrivate, now }, tx);
        var existing = (await c.QueryAsync<SubscriptionRecord>(
            $"SELECT {Columns} FROM subscriptions WHERE platform = @Platform AND chat_id = @ChatId ORDER BY id", chat, tx)).ToList();
        SubscribeOutcome outcome;
        if (existing.FirstOrDefault(isSame) is { } same)
        {
            outcome = new SubscribeOutcome.AlreadySubscribed(same.Id, wasDisabled);
        }
        else if (existing.Count >= limit)
        {
            outcome = new SubscribeOutcome.LimitReached(limit, wasDisabled);
        }
        else
        {
            var id = await c.ExecuteScalarAsync<long>(
                """
                INSERT INTO subscriptions (platform, chat_id, user_id, topic_id, query, created_at)
                VALUES (@Platform, @ChatId, @UserId, @TopicId, @Query, @now) RETURNING id
                """, new { chat.Platform, chat.ChatId, wanted.UserId, wanted.TopicId, wanted.Query, now }, tx);
            outcome = new SubscribeOutcome.Added(id, wasDisabled);
        }
        await tx.CommitAsync(ct);
        return outcome;
    }

    /// <summary>Removes a subscription of this chat; an id of another chat is treated as unknown.</summary>
    /// <summary>Whether this subscription's alerts wait for the channel's digest times whatever the channel's mode.</summary>
    public async Task SetDigestAsync(long id, bool digest, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync("UPDATE subscriptions SET digest = @digest WHERE id = @id", new { id, digest });
    }

    public async Task<bool> RemoveAsync(ChatTarget chat, long id, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync(
            "DELETE FROM subscriptions WHERE id = @id AND platform = @Platform AND chat_id = @ChatId",
            new { id, chat.Platform, chat.ChatId }) > 0;
    }

    public async Task<IReadOnlyList<SubscriptionRecord>> ListForChatAsync(ChatTarget chat, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<SubscriptionRecord>(
            $"SELECT {Columns} FROM subscriptions WHERE platform = @Platform AND chat_id = @ChatId ORDER BY id", chat)).ToList();
    }

    /// <summary>Every subscription of a chat that can still be reached, to build the matcher at start-up.</summary>
    public async Task<IReadOnlyList<SubscriptionRecord>> ListActiveAsync(CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<SubscriptionRecord>(
            $"""
            SELECT {JoinedColumns} FROM subscriptions s
            JOIN chats ch ON ch.platform = s.platform AND ch.chat_id = s.chat_id
            WHERE ch.disabled = 0 ORDER BY s.id
            """)).ToList();
    }

    public async Task<IReadOnlyList<SubscriptionRecord>> FindAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return [];
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<SubscriptionRecord>($"SELECT {Columns} FROM subscriptions WHERE id IN @ids ORDER BY id", new { ids })).ToList();
    }

    /// <summary>
    /// Where a topic's moderators read notices: group and channel chats that follow the topic (following there is a
    /// moderator act) and the console, whose operator has moderator rights. Personal subscribers are not paged.
    /// </summary>
    internal const string ModeratorChatsSql =
        """
        SELECT DISTINCT ch.platform, ch.chat_id FROM subscriptions s
        JOIN chats ch ON ch.platform = s.platform AND ch.chat_id = s.chat_id
        WHERE s.topic_id = @topicId AND ch.disabled = 0 AND (ch.is_private = 0 OR ch.platform = 'console')
        """;

    /// <inheritdoc cref="ModeratorChatsSql"/>
    public async Task<IReadOnlyList<ChatTarget>> ModeratorChatsAsync(string topicId, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<(string Platform, string ChatId)>(ModeratorChatsSql + " ORDER BY ch.platform, ch.chat_id", new { topicId }))
            .Select(r => new ChatTarget(r.Platform, r.ChatId)).ToList();
    }
}
