using AlertBot.Core.Storage;
using AlertBot.Core.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertBot.Core.Chats;

/// <summary>
/// The one owner of a chat's lifecycle and of the live matcher: subscribing (which re-enables a disabled chat and
/// brings back all its subscriptions), unsubscribing, disabling a chat the bot lost, moving a chat to a new id.
/// Commands, delivery and platform adapters call this; nothing else changes the matcher.
/// </summary>
public sealed class ChatLifecycle(
    SubscriptionStore subscriptions,
    ChatStore chats,
    ISubscriptionMatcher matcher,
    IOptions<ChatLimitsOptions> limits,
    ILogger<ChatLifecycle> logger)
{
    /// <summary>Compiles every subscription of a reachable chat into the matcher (start-up).</summary>
    /// <returns>How many were loaded.</returns>
    public async Task<int> LoadAsync(CancellationToken ct)
    {
        var loaded = 0;
        foreach (var s in await subscriptions.ListActiveAsync(ct))
            if (AddToMatcher(s)) loaded++;
        return loaded;
    }

    /// <summary>
    /// Adds a subscription unless the chat has the same one already or is at its limit. A disabled chat is enabled
    /// again whatever the outcome, and all its subscriptions go back into the matcher, not only the new one.
    /// </summary>
    public async Task<SubscribeOutcome> SubscribeAsync(NewSubscription wanted, Query query, CancellationToken ct)
    {
        var outcome = await subscriptions.AddAsync(wanted, limits.Value.SubscriptionsPerChat,
            existing => existing.TopicId == wanted.TopicId && SameQuery(existing.Query, query), ct);
        if (outcome.ChatReenabled)
        {
            logger.LogInformation("Chat {Chat} subscribed again; it is enabled with all its subscriptions", wanted.Chat);
            foreach (var s in await subscriptions.ListForChatAsync(wanted.Chat, ct)) AddToMatcher(s);
        }
        else if (outcome is SubscribeOutcome.Added added)
        {
            matcher.Add(added.Id, wanted.TopicId, query);
        }
        return outcome;
    }

    /// <summary>Removes a subscription of this chat; false when the chat has no subscription with that id.</summary>
    public async Task<bool> UnsubscribeAsync(ChatTarget chat, long id, CancellationToken ct)
    {
        if (!await subscriptions.RemoveAsync(chat, id, ct)) return false;
        matcher.Remove(id);
        return true;
    }

    /// <summary>The bot can no longer post to this chat (removed, blocked, channel deleted): it is disabled, its pending alerts dropped.</summary>
    public async Task DisableAsync(ChatTarget chat, string reason, CancellationToken ct)
    {
        foreach (var id in await chats.DisableAsync(chat, reason, ct)) matcher.Remove(id);
    }

    /// <summary>The chat has a new id (a Telegram group became a supergroup): its subscriptions and pending alerts follow.</summary>
    public Task MoveAsync(ChatTarget from, string newChatId, CancellationToken ct) => chats.MoveAsync(from, newChatId, ct);

    private bool AddToMatcher(SubscriptionRecord s)
    {
        if (Query.Parse(s.Query).Query is not { } query)
        {
            logger.LogWarning("Subscription {Id} has a query this version cannot parse: {Query}", s.Id, s.Query);
            return false;
        }
        matcher.Add(s.Id, s.TopicId, query);
        return true;
    }

    private static bool SameQuery(string stored, Query query) =>
        Query.Parse(stored).Query is { } parsed && string.Equals(parsed.Normalized, query.Normalized, StringComparison.Ordinal);
}
