using AlertBot.Core.Figures;

namespace AlertBot.Core.Storage;

/// <summary>An article a check stores, with its figures and the alerts it calls for (written only if the article is new).</summary>
/// <param name="StorySeenAt">When the article counts for its story (<see cref="ArticleRecord.StoryId"/>): starts the story, or moves its latest report on.</param>
public sealed record NewArticle(ArticleRecord Article, IReadOnlyList<Figure> Figures, IReadOnlyList<PlannedAlert> Alerts, DateTimeOffset? StorySeenAt = null);
