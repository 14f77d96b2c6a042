using System.Data.Common;
using AlertBot.Core.Audit;
using Dapper;

namespace AlertBot.Core.Storage;

/// <summary>
/// The moderators' audit trail. Every command that changes a chat's configuration records an entry,
/// in the same transaction as the change when it can (<see cref="InsertAsync"/>).
/// </summary>
public sealed class AuditStore(Database db)
{
    public async Task RecordAsync(AuditEntry entry, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await InsertAsync(c, null, entry);
    }

    /// <summary>Writes an entry on a caller's connection, inside its transaction.</summary>
    internal static Task InsertAsync(DbConnection c, DbTransaction? tx, AuditEntry e) =>
        c.ExecuteAsync(
            """
            INSERT INTO audit_log (platform, chat_id, user_id, user_name, action, before, after, at)
            VALUES (@Platform, @ChatId, @UserId, @UserName, @Action, @Before, @After, @At)
            """,
            new { e.Chat.Platform, e.Chat.ChatId, e.UserId, e.UserName, e.Action, e.Before, e.After, e.At }, tx);

    /// <summary>The newest entries of one chat, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> LatestAsync(ChatTarget chat, int count, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<AuditRow>(
            """
            SELECT user_id, user_name, action, before, after, at FROM audit_log
            WHERE platform = @Platform AND chat_id = @ChatId ORDER BY id DESC LIMIT @count
            """, new { chat.Platform, chat.ChatId, count });
        return rows.Select(r => new AuditEntry(chat, r.UserId, r.UserName, r.Action, r.Before, r.After, r.At)).ToList();
    }

    private sealed record AuditRow
    {
        public string UserId { get; init; } = "";
        public string? UserName { get; init; }
        public string Action { get; init; } = "";
        public string? Before { get; init; }
        public string? After { get; init; }
        public DateTimeOffset At { get; init; }
    }
}
