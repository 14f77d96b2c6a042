namespace AlertBot.Core.Delivery;

/// <summary>
/// One alert for one target, as plain values. Every string that came from a feed is raw text:
/// the platform adapter escapes it for its own markup and must never let it mention anyone.
/// </summary>
public sealed record AlertMessage
{
    /// <summary>Outbox row id: unique per (target, article); platforms use it as an idempotency key (Discord nonce).</summary>
    public required long OutboxId { get; init; }

    /// <summary>When the article was fetched: the start of the delivery latency the metrics report.</summary>
    public DateTimeOffset? FetchedAt { get; init; }
    public required ChatTarget Target { get; init; }
    /// <summary>The subscription that matched, so adapters can offer an "Unsubscribe" action.</summary>
    public required long SubscriptionId { get; init; }
    public required string TopicId { get; init; }
    public required string TopicName { get; init; }
    public required string Title { get; init; }
    public string? Url { get; init; }
    public required string Summary { get; init; }
    public IReadOnlyList<AlertFigure> Figures { get; init; } = [];
    /// <summary>Outlet name or host, e.g. "koreaherald.com".</summary>
    public string? Outlet { get; init; }
    public DateTimeOffset? Published { get; init; }
    /// <summary>The channel wants link previews (Telegram) and thumbnails (Discord embeds).</summary>
    public bool ShowPreview { get; init; } = true;
    /// <summary>The image the feed gave the article (raw: platforms accept only absolute http(s) URLs), or null.</summary>
    public string? ImageUrl { get; init; }
    /// <summary>The story the alert is about, or null.</summary>
    public long? StoryId { get; init; }
    /// <summary>The other outlets that reported the story so far, first reporter first (raw feed text).</summary>
    public IReadOnlyList<string> AlsoReportedBy { get; init; } = [];

    /// <summary>"Also reported by Reuters, BBC and 3 more", or null when nobody else reported the story.</summary>
    public string? AlsoReportedLine => AlsoReported.Line(AlsoReportedBy);
}

/// <summary>A key figure of the story, already formatted for display ("11,000", "10,000–12,000").</summary>
public sealed record AlertFigure(string Measure, string Value, string? ClaimedBy);
