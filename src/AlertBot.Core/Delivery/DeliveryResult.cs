namespace AlertBot.Core.Delivery;

/// <summary>What the platform said about one send. The outbox decides what happens to the row.</summary>
public abstract record DeliveryResult
{
    private DeliveryResult() { }

    /// <summary>The platform accepted the message; the row is marked sent.</summary>
    public sealed record Delivered(string? PlatformMessageId = null) : DeliveryResult;

    /// <summary>A transient failure (rate limit, 5xx, network): retried later, after <paramref name="After"/> when given.</summary>
    public sealed record RetryLater(string Error, TimeSpan? After = null) : DeliveryResult;

    /// <summary>The target can never be reached again (bot kicked or blocked, chat deleted, no access): the target is disabled.</summary>
    public sealed record TargetGone(string Reason) : DeliveryResult;

    /// <summary>The chat moved to a new id (Telegram group upgraded to a supergroup): subscriptions follow and the row is retried there.</summary>
    public sealed record TargetMoved(string NewChatId) : DeliveryResult;

    /// <summary>This message can never be delivered (for example rejected as malformed); the row is dropped, the target stays.</summary>
    public sealed record Rejected(string Reason) : DeliveryResult;
}
