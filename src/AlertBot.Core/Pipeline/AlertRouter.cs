using AlertBot.Core.Delivery;
using AlertBot.Core.Storage;
using AlertBot.Core.Subscriptions;

namespace AlertBot.Core.Pipeline;

/// <summary>Match: a stored article against the subscription index, each match becoming an outbox row.</summary>
public sealed class AlertRouter(ISubscriptionMatcher matcher, SubscriptionStore subscriptions, OutboxStore outbox, OutboxSignal signal, TimeProvider time)
{
    /// <returns>How many new outbox rows were written.</returns>
    public async Task<int> RouteAsync(TopicRecord topic, long articleId, string title, string text, CancellationToken ct)
    {
        // Tokenised once, for the topic's own query and for the subscription index.
        var article = ArticleTokens.From(title + "\n" + text);
        if (!string.IsNullOrWhiteSpace(topic.Query) && Query.Parse(topic.Query).Query is { MatchesAll: false } topicQuery
            && !topicQuery.Matches(article))
        {
            return 0;
        }

        var ids = matcher.Match(topic.Id, article);
        if (ids.Count == 0) return 0;
        var matched = await subscriptions.FindAsync(ids, ct);
        var entries = matched.Select(s => new OutboxEntry(new ChatTarget(s.Platform, s.ChatId), articleId, s.Id));
        var inserted = await outbox.EnqueueAsync(entries, time.GetUtcNow(), ct);
        if (inserted > 0) signal.Notify();
        return inserted;
    }
}
