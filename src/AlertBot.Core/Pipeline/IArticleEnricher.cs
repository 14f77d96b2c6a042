using AlertBot.Core.Feeds;

namespace AlertBot.Core.Pipeline;

/// <summary>Clean and enrich one feed item: its text (the linked page when the feed carries a teaser), summary and figures.</summary>
public interface IArticleEnricher
{
    Task<ProcessedArticle> ProcessAsync(FeedItem item, CancellationToken ct);
}
