using AlertBot.Core.Storage;

namespace AlertBot.Core.Delivery;

/// <summary>Builds the platform-neutral <see cref="AlertMessage"/> for an outbox row from what storage holds.</summary>
public sealed class AlertComposer(ArticleStore articles, TopicStore topics)
{
    public async Task<AlertMessage?> ComposeAsync(OutboxRecord row, CancellationToken ct)
    {
        var article = await articles.FindAsync(row.ArticleId, ct);
        if (article is null) return null;
        var topic = await topics.FindAsync(article.TopicId, ct);
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
            Outlet = article.Outlet,
            Published = article.PublishedAt,
        };
    }
}
