namespace AlertBot.Core.Storage;

public sealed record TopicRecord(string Id, string Name, string Query, long CheckIntervalSeconds)
{
    /// <summary>Null for the operator's topics (topics.json); "platform:community" for a community's own topic.</summary>
    public string? Owner { get; init; }

    /// <summary>Not checked and not alerted until resumed (a moderator paused it, or it left topics.json).</summary>
    public bool Paused { get; init; }

    public bool IsGlobal => Owner is null;
}

public sealed record SourceRecord
{
    public long Id { get; init; }
    /// <summary>The topic that first brought the feed; which topics use it now is in topic_sources.</summary>
    public string TopicId { get; init; } = "";
    public string Url { get; init; } = "";
    /// <summary>The feed's own title, as last read when a moderator added it; null when unknown.</summary>
    public string? Title { get; init; }
    public bool Drip { get; init; }
    public long DripPosition { get; init; }
    public string? Etag { get; init; }
    public string? LastModified { get; init; }
    public DateTimeOffset? LastCheckedAt { get; init; }
    public DateTimeOffset? LastSuccessAt { get; init; }
    public DateTimeOffset? NextCheckAt { get; init; }
    public long ErrorCount { get; init; }
    public string? LastError { get; init; }
    public bool Disabled { get; init; }
    /// <summary>Consecutive 404 answers; enough of them disable the source.</summary>
    public long NotFoundCount { get; init; }
    /// <summary>The topic's moderators were told this source is failing; they hear again when it recovers.</summary>
    public bool FailingNoticed { get; init; }
    /// <summary>Items the last successful check skipped because enriching them failed; the rest of the feed went through.</summary>
    public long SkippedItems { get; init; }
    /// <summary>Why the last skipped item failed, or null.</summary>
    public string? LastItemError { get; init; }
}

public sealed record ArticleRecord
{
    public long Id { get; init; }
    public string TopicId { get; init; } = "";
    public long? SourceId { get; init; }
    public string Identity { get; init; } = "";
    public string Title { get; init; } = "";
    public string? Link { get; init; }
    public string? Outlet { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public DateTimeOffset FetchedAt { get; init; }
    public string Text { get; init; } = "";
    public string Summary { get; init; } = "";
    /// <summary>The story the article belongs to (null for articles stored before stories, or outside the pipeline).</summary>
    public long? StoryId { get; init; }
    /// <summary>The item's image as the feed gave it (raw, not yet checked to be an http(s) URL), or null.</summary>
    public string? ImageUrl { get; init; }
}

public sealed record SubscriptionRecord
{
    public long Id { get; init; }
    public string Platform { get; init; } = "";
    public string ChatId { get; init; } = "";
    public string UserId { get; init; } = "";
    public string? TopicId { get; init; }
    public string Query { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed record OutboxRecord
{
    public long Id { get; init; }
    public string Platform { get; init; } = "";
    public string ChatId { get; init; } = "";
    /// <summary>The article alerted, or null for a notice row.</summary>
    public long? ArticleId { get; init; }
    /// <summary>A plain notice to a chat (a source failing or recovering) instead of an alert; null for alerts.</summary>
    public string? Notice { get; init; }
    public long? SubscriptionId { get; init; }
    public string Status { get; init; } = "";
    public long Attempts { get; init; }
    public DateTimeOffset NextAttemptAt { get; init; }
    public string? LastError { get; init; }
    /// <summary>Digest key: rows sharing it are sent as one message.</summary>
    public string? Batch { get; init; }
    /// <summary>The story of the article, or null (notices, articles stored before stories).</summary>
    public long? StoryId { get; init; }
    /// <summary>What the row asks for: <see cref="OutboxKind"/>.</summary>
    public string Kind { get; init; } = OutboxKind.Alert;
    /// <summary>The platform's id of the message the row sent (kept for edits and replies), or null.</summary>
    public string? MessageId { get; init; }
    public DateTimeOffset? SentAt { get; init; }
}

/// <summary>What an outbox row asks for. A target hears of a story once (the alert); later reports of it edit that message.</summary>
public static class OutboxKind
{
    /// <summary>A new message: the first report of a story this target hears of (or a notice).</summary>
    public const string Alert = "alert";
    /// <summary>Another report of a story already alerted to the target: the sent alert is edited ("also reported by").</summary>
    public const string Edit = "edit";
    /// <summary>An edit that also sent a short reply to the alert because a key figure changed.</summary>
    public const string Update = "update";
}

public static class OutboxStatus
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    /// <summary>Gave up: the message was rejected or retries ran out.</summary>
    public const string Failed = "failed";
    /// <summary>Not sent because its target is gone.</summary>
    public const string Dropped = "dropped";
}
