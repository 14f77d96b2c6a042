using AlertBot.Core.Subscriptions;

namespace AlertBot.Core.Pipeline;

/// <summary>A selected item after clean and enrich: what the later stages (stories, match, commit) work on.</summary>
/// <param name="StoryId">The story the stories stage put it in; null before that stage.</param>
public sealed record EnrichedArticle(SelectedItem Item, ProcessedArticle Processed, long? StoryId = null)
{
    /// <summary>Its title and text tokenised (<see cref="ArticleTokens.Of"/>) by the stories stage, for matching; null before that stage.</summary>
    public ArticleTokens? Tokens { get; init; }
}
