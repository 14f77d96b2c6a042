using AlertBot.Core.Figures;

namespace AlertBot.Core.Storage;

/// <summary>An article a check stores, with its figures and the alerts it calls for (written only if the article is new).</summary>
public sealed record NewArticle(ArticleRecord Article, IReadOnlyList<Figure> Figures, IReadOnlyList<PlannedAlert> Alerts);
