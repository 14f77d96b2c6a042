namespace AlertBot.Core.Subscriptions;

/// <summary>A subscription a chat asks for.</summary>
/// <param name="TopicId">The topic, or null for every topic.</param>
/// <param name="Query">The query as typed (shown back normalised).</param>
public sealed record NewSubscription(ChatTarget Chat, bool IsPrivate, string UserId, string? TopicId, string Query);
