using System.Diagnostics;
using AlertBot.Core.Delivery;
using AlertBot.Core.Health;
using AlertBot.Core.Storage;
using AlertBot.Core.Subscriptions;
using Microsoft.Extensions.Options;

namespace AlertBot.Core.Pipeline;

/// <summary>Match: stored articles against the subscription index, each match becoming an outbox row.</summary>
public sealed class AlertRouter(
    ISubscriptionMatcher matcher,
    SubscriptionStore subscriptions,
    OutboxStore outbox,
    OutboxSignal signal,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    BotMetrics? metrics = null)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Query?> _topicQueries = new(StringComparer.Ordinal);

    /// <summary>The outbox rows one stored article calls for (nothing is written).</summary>
    public async Task<IReadOnlyList<OutboxEntry>> MatchAsync(TopicRecord topic, long articleId, string title, string text, CancellationToken ct)
    {
        // Tokenised once, for the topic's own query and for the subscription index.
        var article = ArticleTokens.From(title + "\n" + text);
        if (TopicQuery(topic) is { } topicQuery && !topicQuery.Matches(article))
        {
            return [];
        }

        var started = Stopwatch.GetTimestamp();
        var ids = matcher.Match(topic.Id, article);
        metrics?.Matched(Stopwatch.GetElapsedTime(started));
        if (ids.Count == 0) return [];
        var matched = await subscriptions.FindAsync(ids, ct);
        return matched.Select(s => new OutboxEntry(new ChatTarget(s.Platform, s.ChatId), articleId, s.Id)).ToList();
    }

    /// <summary>A topic's own query, compiled once per distinct text rather than once per article; null matches all.</summary>
    private Query? TopicQuery(TopicRecord topic) =>
        string.IsNullOrWhiteSpace(topic.Query) ? null
        : _topicQueries.GetOrAdd(topic.Query, text => Query.Parse(text).Query is { MatchesAll: false } q ? q : null);

    /// <summary>
    /// Writes the rows of one check. A chat that would get more than <see cref="DeliveryOptions.BurstCap"/>
    /// alerts from it gets them as one digest (its rows share a batch key).
    /// </summary>
    /// <returns>How many new outbox rows were written.</returns>
    public async Task<int> EnqueueAsync(IReadOnlyList<OutboxEntry> entries, string checkKey, CancellationToken ct)
    {
        if (entries.Count == 0) return 0;
        var cap = options.Value.BurstCap;
        var rows = entries
            .GroupBy(e => e.Target)
            .SelectMany(g =>
            {
                var distinct = g.DistinctBy(e => e.ArticleId).ToList();
                return distinct.Count > cap ? distinct.Select(e => e with { Batch = checkKey }) : distinct;
            })
            .ToList();
        var now = time.GetUtcNow();
        var inserted = 0;
        // Per platform, so that what was queued can be counted per platform (duplicates are not written).
        foreach (var platform in rows.GroupBy(r => r.Target.Platform, StringComparer.Ordinal))
        {
            var written = await outbox.EnqueueAsync(platform, now, ct);
            metrics?.AlertsQueued(platform.Key, written);
            inserted += written;
        }
        if (inserted > 0) signal.Notify();
        return inserted;
    }
}
