using System.Diagnostics;
using AlertBot.Core.Delivery;
using AlertBot.Core.Health;
using AlertBot.Core.Storage;
using AlertBot.Core.Subscriptions;
using Microsoft.Extensions.Options;

namespace AlertBot.Core.Pipeline;

/// <summary>
/// Match: a check's enriched articles against the in-memory subscription index, then the outbox rows they call for.
/// Nothing is written here; the rows go into the check's one commit.
/// </summary>
public sealed class AlertRouter(ISubscriptionMatcher matcher, SubscriptionStore subscriptions, IOptions<DeliveryOptions> options, BotMetrics? metrics = null)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Query?> _topicQueries = new(StringComparer.Ordinal);

    /// <summary>
    /// For a feed several topics use: which of them each article belongs to (their query passes, alerting or not) and
    /// the alerts of each article over all of them, a chat that follows two of the topics hearing once.
    /// </summary>
    public async Task<(IReadOnlyList<IReadOnlyList<string>> Topics, IReadOnlyList<IReadOnlyList<PlannedAlert>> Alerts)> PlanForTopicsAsync(
        IReadOnlyList<TopicRecord> topics, IReadOnlyList<EnrichedArticle> articles, string checkKey, CancellationToken ct)
    {
        // Each article is tokenised once, for every topic's query and for the subscription index.
        var tokens = articles.Select(Tokens).ToList();
        var members = tokens.Select(t => (IReadOnlyList<string>)topics.Where(topic => TopicQuery(topic) is not { } q || q.Matches(t)).Select(topic => topic.Id).ToList()).ToList();
        var matches = articles.Select(_ => new List<long>()).ToList();
        foreach (var topic in topics)
        {
            var matched = Match(topic, articles, tokens);
            for (var i = 0; i < matches.Count; i++) matches[i].AddRange(matched[i]);
        }
        var ids = matches.SelectMany(m => m).Distinct().ToList();
        var targets = (await subscriptions.FindAsync(ids, ct)).ToDictionary(s => s.Id, s => new ChatTarget(s.Platform, s.ChatId));
        return (members, Plan(matches, targets, options.Value.BurstCap, checkKey, articles.Select(a => a.StoryId).ToList()));
    }

    /// <summary>Ids of the subscriptions each article matches; none for the backlog or when the topic's own query rejects it.</summary>
    public IReadOnlyList<IReadOnlyList<long>> Match(TopicRecord topic, IReadOnlyList<EnrichedArticle> articles) =>
        Match(topic, articles, articles.Select(Tokens).ToList());

    private List<IReadOnlyList<long>> Match(TopicRecord topic, IReadOnlyList<EnrichedArticle> articles, List<ArticleTokens> tokens)
    {
        var topicQuery = TopicQuery(topic);
        return articles.Select((a, i) =>
        {
            if (!a.Item.Alert) return (IReadOnlyList<long>)[];
            var started = Stopwatch.GetTimestamp();
            // A subscription to every topic spans the operator's topics; a community's own topic is heard only by
            // subscriptions to it, so one community's feeds never reach another's "/subscribe *".
            var matched = topicQuery is not null && !topicQuery.Matches(tokens[i]) ? [] : matcher.Match(topic.Id, tokens[i], includeAllTopics: topic.Owner is null);
            metrics?.Matched(Stopwatch.GetElapsedTime(started));
            return matched;
        }).ToList();
    }

    private static ArticleTokens Tokens(EnrichedArticle article) => article.Tokens ?? ArticleTokens.Of(article.Processed.Title, article.Processed.Text);

    /// <summary>
    /// One row per (target, article) — a chat with several matching subscriptions hears once, through the first — and
    /// per (target, story) within the check: a story's later articles in the same check add nothing, since its alert is
    /// composed from the whole story when it is sent (the commit turns a row for a story alerted by an earlier check
    /// into an edit of that alert). A chat that would get more than <paramref name="burstCap"/> alerts from one check
    /// gets them as one digest (a shared batch key). Subscriptions no longer stored are left out.
    /// </summary>
    /// <param name="stories">Each article's story (same order), or null where it has none.</param>
    public static IReadOnlyList<IReadOnlyList<PlannedAlert>> Plan(
        IReadOnlyList<IReadOnlyList<long>> matches, IReadOnlyDictionary<long, ChatTarget> targets, int burstCap, string checkKey,
        IReadOnlyList<long?>? stories = null)
    {
        var told = new HashSet<(ChatTarget, long)>();
        var perArticle = matches.Select((ids, i) => ids
            .Where(targets.ContainsKey)
            .Select(id => new PlannedAlert(targets[id], id))
            .DistinctBy(a => a.Target)
            .ToList()
            .Where(a => stories?[i] is not { } story || told.Add((a.Target, story)))
            .ToList()).ToList();
        var bursting = perArticle.SelectMany(a => a).GroupBy(a => a.Target).Where(g => g.Count() > burstCap).Select(g => g.Key).ToHashSet();
        return perArticle.Select(alerts => (IReadOnlyList<PlannedAlert>)alerts
            .Select(a => bursting.Contains(a.Target) ? a with { Batch = checkKey } : a).ToList()).ToList();
    }

    /// <summary>A topic's own query, compiled once per distinct text rather than once per article; null matches all.</summary>
    private Query? TopicQuery(TopicRecord topic) =>
        string.IsNullOrWhiteSpace(topic.Query) ? null
        : _topicQueries.GetOrAdd(topic.Query, text => Query.Parse(text).Query is { MatchesAll: false } q ? q : null);
}
