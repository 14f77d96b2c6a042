using AlertBot.Core.Figures;
using AlertBot.Core.Storage;

namespace AlertBot.Core.Delivery;

/// <summary>Builds the platform-neutral <see cref="AlertMessage"/> for an outbox row from what storage holds.</summary>
public sealed class AlertComposer(ArticleStore articles, TopicStore topics, FigureStore figures)
{
    /// <summary>How many of the story's figures an alert shows under its summary.</summary>
    public const int KeyFigureCount = 4;

    public async Task<AlertMessage?> ComposeAsync(OutboxRecord row, CancellationToken ct) =>
        (await ComposeAsync([row], ct)).GetValueOrDefault(row.Id);

    /// <summary>
    /// The alerts for a batch of outbox rows, by row id, from one read each of articles, stories, topics and figures. An
    /// article of a story is told as the story stands now: the other outlets that reported it and, after the article's
    /// own figures, the new ones they brought. A row whose article is no longer stored (or a notice row) has no alert.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, AlertMessage>> ComposeAsync(IReadOnlyList<OutboxRecord> rows, CancellationToken ct)
    {
        var articleIds = rows.Where(r => r.ArticleId is not null).Select(r => r.ArticleId!.Value).Distinct().ToList();
        if (articleIds.Count == 0) return new Dictionary<long, AlertMessage>();
        var stored = await articles.FindManyAsync(articleIds, ct);
        var storyIds = stored.Values.Where(a => a.StoryId is not null).Select(a => a.StoryId!.Value).Distinct().ToList();
        var reports = (await articles.OfStoriesAsync(storyIds, ct)).ToLookup(a => a.StoryId!.Value);
        var topicNames = (await topics.ListAsync(ct)).ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
        var figuresByArticle = await figures.ForArticlesAsync(stored.Keys.Concat(reports.SelectMany(g => g).Select(a => a.Id)).Distinct().ToList(), ct);
        // An item of a shared feed is alerted under the topic the subscription follows, never another community's.
        var followed = await topics.OfSubscriptionsAsync(rows.Where(r => r.SubscriptionId is not null).Select(r => r.SubscriptionId!.Value).Distinct().ToList(), ct);
        var alerts = new Dictionary<long, AlertMessage>();
        foreach (var row in rows)
        {
            if (row.ArticleId is not { } id || !stored.TryGetValue(id, out var article)) continue;
            var others = article.StoryId is { } storyId ? reports[storyId].Where(r => r.Id != id).ToList() : [];
            IEnumerable<Figure> storyFigures = figuresByArticle.GetValueOrDefault(id) ?? [];
            foreach (var other in others) storyFigures = storyFigures.Concat(figuresByArticle.GetValueOrDefault(other.Id) ?? []);
            var keyFigures = KeyFigures.Select(storyFigures.ToList(), KeyFigureCount);
            var topicId = row.SubscriptionId is { } sub && followed.TryGetValue(sub, out var t) ? t : article.TopicId;
            alerts[row.Id] = new AlertMessage
            {
                OutboxId = row.Id,
                FetchedAt = article.FetchedAt,
                Target = new ChatTarget(row.Platform, row.ChatId),
                SubscriptionId = row.SubscriptionId ?? 0,
                TopicId = topicId,
                TopicName = topicNames.GetValueOrDefault(topicId) ?? topicId,
                Title = article.Title,
                Url = article.Link,
                ImageUrl = article.ImageUrl,
                Summary = article.Summary,
                Figures = keyFigures.Select(KeyFigures.ToAlertFigure).ToList(),
                Outlet = article.Outlet,
                Published = article.PublishedAt,
                StoryId = article.StoryId,
                AlsoReportedBy = AlsoReported.Others(article, others),
            };
        }
        return alerts;
    }
}

