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
    /// The alerts for a batch of outbox rows, by row id, from one read each of articles, topics and figures. A row whose
    /// article is no longer stored (or a notice row) has no alert.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, AlertMessage>> ComposeAsync(IReadOnlyList<OutboxRecord> rows, CancellationToken ct)
    {
        var articleIds = rows.Where(r => r.ArticleId is not null).Select(r => r.ArticleId!.Value).Distinct().ToList();
        if (articleIds.Count == 0) return new Dictionary<long, AlertMessage>();
        var stored = await articles.FindManyAsync(articleIds, ct);
        var topicNames = (await topics.ListAsync(ct)).ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
        var figuresByArticle = await figures.ForArticlesAsync(stored.Keys.ToList(), ct);
        var alerts = new Dictionary<long, AlertMessage>();
        foreach (var row in rows)
        {
            if (row.ArticleId is not { } id || !stored.TryGetValue(id, out var article)) continue;
            var keyFigures = KeyFigures.Select(figuresByArticle.GetValueOrDefault(id) ?? [], KeyFigureCount);
            alerts[row.Id] = new AlertMessage
            {
                OutboxId = row.Id,
                FetchedAt = article.FetchedAt,
                Target = new ChatTarget(row.Platform, row.ChatId),
                SubscriptionId = row.SubscriptionId ?? 0,
                TopicId = article.TopicId,
                TopicName = topicNames.GetValueOrDefault(article.TopicId) ?? article.TopicId,
                Title = article.Title,
                Url = article.Link,
                Summary = article.Summary,
                Figures = keyFigures.Select(KeyFigures.ToAlertFigure).ToList(),
                Outlet = article.Outlet,
                Published = article.PublishedAt,
            };
        }
        return alerts;
    }
}
