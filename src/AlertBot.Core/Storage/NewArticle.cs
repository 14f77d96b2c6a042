using AlertBot.Core.Figures;

namespace AlertBot.Core.Storage;

/// <summary>An article a check stores, with its figures and the alerts it calls for (written only if the article is new).</summary>
/// <param name="StorySeenAt">When the article counts for its story (<see cref="ArticleRecord.StoryId"/>): starts the story, or moves its latest report on.</param>
public sealed record NewArticle(ArticleRecord Article, IReadOnlyList<Figure> Figures, IReadOnlyList<PlannedAlert> Alerts, DateTimeOffset? StorySeenAt = null)
{
    /// <summary>The topics it is an article of (those of its feed whose query it passes); its row's topic when null.</summary>
    public IReadOnlyList<string>? Topics { get; init; }
}
