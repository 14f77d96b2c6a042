using AlertBot.Core.Figures;

namespace AlertBot.Core.Storage;

/// <summary>An article a check stores, with its figures and the alerts it calls for (written only if the article is new).</summary>
/// <param name="Topics">The topics it is an article of (those of its feed whose query it passes); its row's topic when null.</param>
public sealed record NewArticle(ArticleRecord Article, IReadOnlyList<Figure> Figures, IReadOnlyList<PlannedAlert> Alerts, IReadOnlyList<string>? Topics = null);
