using AlertBot.Core.Figures;
using AlertBot.Core.Storage;

namespace AlertBot.Core.Delivery;

/// <summary>Builds the platform-neutral <see cref="AlertMessage"/> for an outbox row from what storage holds.</summary>
public sealed class AlertComposer(ArticleStore articles, TopicStore topics, FigureStore figures)
{
    /// <summary>How many of the story's figures an alert shows under its summary.</summary>
    public const int KeyFigureCount = 4;

    public async Task<AlertMessage?> ComposeAsync(OutboxRecord row, CancellationToken ct)
    {
        var article = await articles.FindAsync(row.ArticleId, ct);
        if (article is null) return null;
        var topic = await topics.FindAsync(article.TopicId, ct);
        var keyFigures = FigureFormat.KeyFigures(await figures.ForArticleAsync(article.Id, ct), KeyFigureCount);
        return new AlertMessage
        {
            OutboxId = row.Id,
            Target = new ChatTarget(row.Platform, row.ChatId),
            SubscriptionId = row.SubscriptionId ?? 0,
            TopicId = article.TopicId,
            TopicName = topic?.Name ?? article.TopicId,
            Title = article.Title,
            Url = article.Link,
            Summary = article.Summary,
            Figures = keyFigures.Select(FigureFormat.ToAlertFigure).ToList(),
            Outlet = article.Outlet,
            Published = article.PublishedAt,
        };
    }
}
