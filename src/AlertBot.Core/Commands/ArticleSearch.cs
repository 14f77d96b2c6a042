using System.Text;
using AlertBot.Core.Storage;
using AlertBot.Core.Subscriptions;

namespace AlertBot.Core.Commands;

/// <summary>Stored articles as commands show them: the newest that pass a topic's query and the user's.</summary>
public sealed class ArticleSearch(TopicStore topics, ArticleStore articles, TimeProvider time)
{
    private const int Window = 500;

    /// <summary>
    /// The newest stored articles of one topic, or of every topic the community sees when <paramref name="topic"/> is
    /// null (the operator's and its own: never another community's), that pass their topic's own query and then
    /// <paramref name="query"/>. Looks at a bounded window of recent articles.
    /// </summary>
    /// <remarks>A story is listed once, by its newest matching report.</remarks>
    public async Task<IReadOnlyList<ArticleRecord>> LatestMatchingAsync(TopicRecord? topic, string community, Query query, int count, CancellationToken ct)
    {
        IReadOnlyList<TopicRecord> scope = topic is not null ? [topic] : await topics.VisibleAsync(community, ct);
        var topicQueries = scope.ToDictionary(t => t.Id, t => Query.Parse(t.Query).Query, StringComparer.Ordinal);
        var found = new List<ArticleRecord>();
        var listed = new HashSet<long>();
        foreach (var a in await articles.LatestOfAsync(topicQueries.Keys, Window, ct))
        {
            if (a.StoryId is { } story && listed.Contains(story)) continue;
            var tokens = ArticleTokens.From(a.Title + "\n" + a.Text);
            if (topicQueries.GetValueOrDefault(a.TopicId) is { } topicQuery && !topicQuery.Matches(tokens)) continue;
            if (!query.Matches(tokens)) continue;
            found.Add(a);
            if (a.StoryId is { } joined) listed.Add(joined);
            if (found.Count == count) break;
        }
        return found;
    }

    /// <summary>How many outlets reported each of these articles' stories (articles without a story are left out).</summary>
    public async Task<IReadOnlyDictionary<long, int>> OutletCountsAsync(IEnumerable<ArticleRecord> shown, CancellationToken ct)
    {
        var reports = await articles.OfStoriesAsync(shown.Select(a => a.StoryId).OfType<long>().Distinct().ToList(), ct);
        return reports.GroupBy(r => r.StoryId!.Value)
            .ToDictionary(g => g.Key, g => Math.Max(1, g.Select(r => r.Outlet).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Count()));
    }

    /// <summary>"• Title (outlet, 3h ago)", its story's outlet count and number when known, then the summary when asked for, then the link.</summary>
    public void Append(StringBuilder sb, ArticleRecord a, bool withSummary, IReadOnlyDictionary<long, int>? outletCounts = null)
    {
        sb.Append("• ").Append(a.Title);
        var meta = new List<string>();
        if (a.Outlet is not null) meta.Add(a.Outlet);
        meta.Add(RelativeTime.Ago(time.GetUtcNow(), a.PublishedAt ?? a.FetchedAt));
        sb.Append(" (").Append(string.Join(", ", meta)).Append(')');
        if (a.StoryId is { } story && outletCounts?.GetValueOrDefault(story) is { } outlets and > 0)
            sb.Append(" · ").Append(outlets).Append(outlets == 1 ? " outlet" : " outlets").Append(", /story ").Append(story);
        if (withSummary && a.Summary.Length > 0) sb.Append('\n').Append(a.Summary);
        if (a.Link is not null) sb.Append('\n').Append(a.Link);
    }
}
