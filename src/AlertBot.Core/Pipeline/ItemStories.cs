using AlertBot.Core.Stories;
using AlertBot.Core.Subscriptions;

namespace AlertBot.Core.Pipeline;

/// <summary>
/// The stories stage of a check: each enriched article is read (in parallel with other checks), then, in feed order
/// and in the check's turn, joins a story or starts one.
/// </summary>
public static class ItemStories
{
    /// <summary>Each article is tokenised here once, for its story and (passed on by <see cref="Assign"/>) for matching.</summary>
    /// <param name="fetchedAt">When the check fetched the feed: the time of an article that gives none.</param>
    public static IReadOnlyList<StoryReading> Read(StoryStage stage, IReadOnlyList<EnrichedArticle> articles, DateTimeOffset fetchedAt) =>
        articles.Select(a => stage.Read(ToStoryArticle(a, fetchedAt), ArticleTokens.Of(a.Processed.Title, a.Processed.Text))).ToList();

    /// <param name="readings">What <see cref="Read"/> made of <paramref name="articles"/>, in the same order.</param>
    public static IReadOnlyList<EnrichedArticle> Assign(StoryBatch batch, IReadOnlyList<EnrichedArticle> articles, IReadOnlyList<StoryReading> readings) =>
        articles.Select((a, i) => a with { StoryId = batch.Assign(readings[i]).StoryId, Tokens = readings[i].Tokens }).ToList();

    private static StoryArticle ToStoryArticle(EnrichedArticle a, DateTimeOffset fetchedAt)
    {
        var link = a.Item.Item.Link;
        return new StoryArticle(a.Item.Identity, a.Processed.Title, a.Processed.Text,
            StoryStage.ClusteringTime(a.Item.Item.Published, fetchedAt), SourceChecker.OutletOf(link), link);
    }
}
