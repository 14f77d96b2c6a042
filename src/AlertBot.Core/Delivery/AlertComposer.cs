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
            FetchedAt = article.FetchedAt,
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

    /// <summary>How many articles a digest lists by name before pointing at /latest.</summary>
    public const int DigestListed = 15;

    /// <summary>One plain-text message for a burst of articles (newest first), instead of one alert each.</summary>
    public async Task<string?> ComposeDigestAsync(IReadOnlyList<OutboxRecord> rows, CancellationToken ct)
    {
        var list = new List<ArticleRecord>();
        foreach (var row in rows)
            if (await articles.FindAsync(row.ArticleId, ct) is { } a) list.Add(a);
        if (list.Count == 0) return null;

        var topic = await topics.FindAsync(list[0].TopicId, ct);
        var sb = new System.Text.StringBuilder();
        sb.Append(list.Count).Append(" new articles in ").Append(topic?.Name ?? list[0].TopicId).Append(':');
        foreach (var a in list.OrderByDescending(a => a.PublishedAt ?? a.FetchedAt).Take(DigestListed))
        {
            sb.Append("\n• ").Append(a.Title);
            if (a.Outlet is not null) sb.Append(" (").Append(a.Outlet).Append(')');
            if (a.Link is not null) sb.Append("\n  ").Append(a.Link);
        }
        if (list.Count > DigestListed) sb.Append("\n… and ").Append(list.Count - DigestListed).Append(" more.");
        sb.Append("\nSee /latest ").Append(list[0].TopicId).Append(" for summaries.");
        return sb.ToString();
    }
}
