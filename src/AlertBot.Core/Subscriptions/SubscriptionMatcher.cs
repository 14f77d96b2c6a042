namespace AlertBot.Core.Subscriptions;

/// <summary>Sample-grade matcher: evaluates every subscription against every article.</summary>
public sealed class SubscriptionMatcher : ISubscriptionMatcher
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, (string? TopicId, Query Query)> _subscriptions = [];

    public void Add(long subscriptionId, string? topicId, Query query)
    {
        lock (_gate) _subscriptions[subscriptionId] = (topicId, query);
    }

    public void Remove(long subscriptionId)
    {
        lock (_gate) _subscriptions.Remove(subscriptionId);
    }

    public IReadOnlyList<long> Match(string topicId, string articleText)
    {
        var tokens = Tokenizer.Tokenize(articleText).ToHashSet();
        lock (_gate)
        {
            return _subscriptions
                .Where(s => (s.Value.TopicId is null || s.Value.TopicId == topicId) && s.Value.Query.Matches(tokens))
                .Select(s => s.Key)
                .Order()
                .ToList();
        }
    }
}
