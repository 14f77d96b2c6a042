using Dapper;

namespace AlertBot.Core.Storage;

public sealed class ChatStore(Database db)
{
    /// <summary>Whether the chat is a direct message with one person (null when unknown).</summary>
    public async Task<bool?> IsPrivateAsync(ChatTarget chat, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<bool?>(
            "SELECT is_private FROM chats WHERE platform = @Platform AND chat_id = @ChatId", chat);
    }

    /// <summary>Marks a chat unreachable and drops its pending alerts, so they never enter a retry loop.</summary>
    /// <returns>Ids of the chat's subscriptions, which the matcher must forget.</returns>
    public async Task<IReadOnlyList<long>> DisableAsync(ChatTarget chat, string reason, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await c.ExecuteAsync(
            "UPDATE chats SET disabled = 1, disabled_reason = @reason WHERE platform = @Platform AND chat_id = @ChatId",
            new { reason, chat.Platform, chat.ChatId }, tx);
        await c.ExecuteAsync(
            "UPDATE outbox SET status = 'dropped', last_error = @reason WHERE platform = @Platform AND chat_id = @ChatId AND status = 'pending'",
            new { reason, chat.Platform, chat.ChatId }, tx);
        var ids = (await c.QueryAsync<long>(
            "SELECT id FROM subscriptions WHERE platform = @Platform AND chat_id = @ChatId", chat, tx)).ToList();
        await tx.CommitAsync(ct);
        return ids;
    }

    /// <summary>
    /// Moves a chat to a new id (Telegram group upgraded to a supergroup). Subscriptions and pending
    /// outbox rows follow through ON UPDATE CASCADE.
    /// </summary>
    public async Task MoveAsync(ChatTarget from, string newChatId, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var exists = await c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM chats WHERE platform = @Platform AND chat_id = @newChatId", new { from.Platform, newChatId }, tx);
        if (exists == 0)
        {
            await c.ExecuteAsync(
                "UPDATE chats SET chat_id = @newChatId WHERE platform = @Platform AND chat_id = @ChatId",
                new { newChatId, from.Platform, from.ChatId }, tx);
        }
        else
        {
            // The new chat already exists (a command arrived there first): merge into it.
            var p = new { newChatId, from.Platform, from.ChatId };
            await c.ExecuteAsync("UPDATE subscriptions SET chat_id = @newChatId WHERE platform = @Platform AND chat_id = @ChatId", p, tx);
            await c.ExecuteAsync("UPDATE OR IGNORE outbox SET chat_id = @newChatId WHERE platform = @Platform AND chat_id = @ChatId", p, tx);
            await c.ExecuteAsync("DELETE FROM chats WHERE platform = @Platform AND chat_id = @ChatId", p, tx);
        }
        await tx.CommitAsync(ct);
    }
}
