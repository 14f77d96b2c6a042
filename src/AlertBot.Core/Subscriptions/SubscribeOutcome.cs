namespace AlertBot.Core.Subscriptions;

/// <summary>What subscribing did. Every outcome re-enables a chat that was disabled (the bot was re-added or unblocked).</summary>
/// <param name="ChatReenabled">The chat had been disabled and is live again, with all its subscriptions.</param>
public abstract record SubscribeOutcome(bool ChatReenabled)
{
    public sealed record Added(long Id, bool ChatReenabled) : SubscribeOutcome(ChatReenabled);

    /// <summary>The chat already has a subscription to the same topic with the same query: nothing was added.</summary>
    public sealed record AlreadySubscribed(long Id, bool ChatReenabled) : SubscribeOutcome(ChatReenabled);

    /// <summary>The chat has as many subscriptions as it may have.</summary>
    public sealed record LimitReached(int Limit, bool ChatReenabled) : SubscribeOutcome(ChatReenabled);
}
