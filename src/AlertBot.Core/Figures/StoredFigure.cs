namespace AlertBot.Core.Figures;

/// <summary>A figure as stored with its article: who published it, when, and where to read it.</summary>
/// <param name="ArticleDate">Publication date, else when the article was fetched.</param>
/// <param name="StoryId">The article's story, so copies of one story count its figure once; null when it has none.</param>
public sealed record StoredFigure(Figure Figure, string? Outlet, DateTimeOffset ArticleDate, string ArticleTitle, string? ArticleLink, long? StoryId = null);
