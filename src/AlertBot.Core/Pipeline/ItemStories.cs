using AlertBot.Core.Stories;

namespace AlertBot.Core.Pipeline;

/// <summary>The stories stage of a check: each enriched article, in feed order, joins a story or starts one.</summary>
public static class ItemStories
{
    /// <param name="fetchedAt">When the check fetched the feed: the time of an article that gives none.</param>
    public static IReadOnlyList<EnrichedArticle> Assign(StoryBatch batch, IReadOnlyList<EnrichedArticle> articles, DateTimeOffset fetchedAt) =>
        articles.Select(a => a with { StoryId = batch.Assign(ToStoryArticle(a, fetchedAt)).StoryId }).ToList();

    private static StoryArticle ToStoryArticle(EnrichedArticle a, DateTimeOffset fetchedAt)
    {
        var link = a.Item.Item.Link;
        return new StoryArticle(a.Item.Identity, a.Processed.Title, a.Processed.Text,
            StoryStage.ClusteringTime(a.Item.Item.Published, fetchedAt), SourceChecker.OutletOf(link), link);
    }
}
