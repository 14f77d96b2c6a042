namespace AlertBot.Core.Storage;

/// <summary>
/// Writes alert rows in the writer's transaction: one row per (target, article) of a chat open to alerts, unless the
/// target already has the article — an alert, or an edit of the alert when the target already has one for the
/// article's story (one alert per target and story). Nothing else writes while the transaction is open, so a chat's
/// state is looked up once per instance.
/// </summary>
internal sealed class AlertRows(Statements statements)
{
    /// <summary>Whether alerts may be queued for a chat: it is known and not disabled.</summary>
    private const string ChatOpenSql = "SELECT EXISTS (SELECT 1 FROM chats WHERE platform = @Platform AND chat_id = @ChatId AND disabled = 0)";

    private const string AlertedSql = "EXISTS (SELECT 1 FROM outbox WHERE platform = @Platform AND chat_id = @ChatId AND story_id = @StoryId AND kind = 'alert')";

    /// <summary>One row of VALUES: SQLite runs an INSERT … SELECT with a statement journal, a copy of every page it
    /// touches, in case it has to undo part of itself.</summary>
    private const string InsertSql =
        $"""
        INSERT INTO outbox (platform, chat_id, article_id, subscription_id, batch, story_id, kind, next_attempt_at, created_at)
        VALUES (@Platform, @ChatId, @ArticleId, @SubscriptionId, CASE WHEN {AlertedSql} THEN NULL ELSE @Batch END, @StoryId,
                CASE WHEN {AlertedSql} THEN 'edit' ELSE 'alert' END, @now, @now)
        ON CONFLICT (platform, chat_id, article_id) DO NOTHING
        """;

    private readonly Statement _insert = statements.Get(InsertSql);
    private readonly Statement _chatOpen = statements.Get(ChatOpenSql);
    private readonly Dictionary<ChatTarget, bool> _open = [];

    /// <returns>1 when the row was written; 0 when the chat is closed to alerts or the target has the article already.</returns>
    public int Add(ChatTarget target, long articleId, long subscriptionId, string? batch, long? storyId, DateTimeOffset now) =>
        IsOpen(target)
            ? _insert.Execute(("@Platform", target.Platform), ("@ChatId", target.ChatId), ("@ArticleId", articleId),
                ("@SubscriptionId", subscriptionId), ("@Batch", batch), ("@StoryId", storyId), ("@now", now))
            : 0;

    private bool IsOpen(ChatTarget chat)
    {
        if (!_open.TryGetValue(chat, out var isOpen))
            _open[chat] = isOpen = _chatOpen.Scalar(("@Platform", chat.Platform), ("@ChatId", chat.ChatId)) is 1L;
        return isOpen;
    }
}
