namespace AlertBot.Core.Storage;

/// <summary>
/// Writes alert rows in the writer's transaction: one alert per (target, story). The first report of a story a chat
/// open to alerts hears of is an alert row; a later one is an edit row of the sent alert, unless a row of the story is
/// still waiting for delivery for the target — that row is composed from the whole story when it goes, so it shows the
/// later report too, and ten reports of a big story between two deliveries cost one edit, not ten. Nothing else writes
/// while the transaction is open, so a chat's and a story's state are looked up once per instance and kept up to date here.
/// </summary>
internal sealed class AlertRows(Statements statements)
{
    /// <summary>Whether alerts may be queued for a chat: it is known and not disabled.</summary>
    private const string ChatOpenSql = "SELECT EXISTS (SELECT 1 FROM chats WHERE platform = @Platform AND chat_id = @ChatId AND disabled = 0)";

    /// <summary>'waiting' when a row of the story waits for delivery to the target (pending, and nobody holds it or
    /// its lease ran out); else the status of the target's alert for the story; null when it has none.</summary>
    private const string StorySql =
        """
        SELECT CASE WHEN EXISTS (SELECT 1 FROM outbox WHERE platform = @Platform AND chat_id = @ChatId AND story_id = @StoryId
                                   AND status = 'pending' AND (claimed_by IS NULL OR claim_expires_at < @now))
                    THEN 'waiting'
                    ELSE (SELECT status FROM outbox WHERE platform = @Platform AND chat_id = @ChatId AND story_id = @StoryId AND kind = 'alert')
               END
        """;

    /// <summary>One row of VALUES: SQLite runs an INSERT … SELECT with a statement journal, a copy of every page it
    /// touches, in case it has to undo part of itself.</summary>
    private const string InsertSql =
        """
        INSERT INTO outbox (platform, chat_id, article_id, subscription_id, batch, story_id, kind, next_attempt_at, created_at)
        VALUES (@Platform, @ChatId, @ArticleId, @SubscriptionId, @Batch, @StoryId, @Kind, @now, @now)
        ON CONFLICT (platform, chat_id, article_id) DO NOTHING
        """;

    private const string Waiting = "waiting";

    private readonly Statement _insert = statements.Get(InsertSql);
    private readonly Statement _chatOpen = statements.Get(ChatOpenSql);
    private readonly Statement _story = statements.Get(StorySql);
    private readonly Dictionary<ChatTarget, bool> _open = [];
    private readonly Dictionary<(ChatTarget, long), string?> _stories = [];

    /// <returns>1 when a row was written; 0 when the chat is closed to alerts, the target has the article already, or
    /// the report needs no row of its own (a row of its story is waiting, or the story's alert failed).</returns>
    public int Add(ChatTarget target, long articleId, long subscriptionId, string? batch, long? storyId, DateTimeOffset now)
    {
        if (!IsOpen(target)) return 0;
        var kind = storyId is null ? OutboxKind.Alert : KindFor(target, storyId.Value, now);
        if (kind is null) return 0;
        var written = _insert.Execute(("@Platform", target.Platform), ("@ChatId", target.ChatId), ("@ArticleId", articleId),
            ("@SubscriptionId", subscriptionId), ("@Batch", kind == OutboxKind.Alert ? batch : null), ("@StoryId", storyId),
            ("@Kind", kind), ("@now", now));
        if (written == 1 && storyId is not null) _stories[(target, storyId.Value)] = Waiting;
        return written;
    }

    /// <summary>An alert when the target has none for the story; an edit when its alert was sent (or is being sent) and
    /// no row of the story waits; null when a row waits or the alert failed or was dropped (nothing to edit).</summary>
    private string? KindFor(ChatTarget target, long storyId, DateTimeOffset now)
    {
        if (!_stories.TryGetValue((target, storyId), out var state))
            _stories[(target, storyId)] = state = (string?)_story.Scalar(("@Platform", target.Platform), ("@ChatId", target.ChatId), ("@StoryId", storyId), ("@now", now));
        return state switch
        {
            null => OutboxKind.Alert,
            OutboxStatus.Sent or OutboxStatus.Pending => OutboxKind.Edit,
            _ => null,
        };
    }

    private bool IsOpen(ChatTarget chat)
    {
        if (!_open.TryGetValue(chat, out var isOpen))
            _open[chat] = isOpen = _chatOpen.Scalar(("@Platform", chat.Platform), ("@ChatId", chat.ChatId)) is 1L;
        return isOpen;
    }
}
