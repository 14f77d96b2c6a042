namespace AlertBot.Core.Subscriptions;

/// <summary>The compiled set of live subscriptions. Updated in place on subscribe/unsubscribe.</summary>
public interface ISubscriptionMatcher
{
    /// <summary>Adds or replaces a subscription.</summary>
    /// <param name="topicId">The topic the subscription is scoped to, or null for all topics.</param>
    void Add(long subscriptionId, string? topicId, Query query);

    void Remove(long subscriptionId);

    /// <summary>Ids (ascending) of the subscriptions an article of <paramref name="topicId"/> matches (title and text together).</summary>
    IReadOnlyList<long> Match(string topicId, string articleText);

    /// <summary>As <see cref="Match(string, string)"/>, for an article already tokenised (tokenise once, match many).</summary>
    /// <param name="includeAllTopics">Whether subscriptions to every topic (<c>/subscribe *</c>) take part as well.</param>
    IReadOnlyList<long> Match(string topicId, ArticleTokens article, bool includeAllTopics = true);
}
