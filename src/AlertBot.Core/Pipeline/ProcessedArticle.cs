using AlertBot.Core.Figures;

namespace AlertBot.Core.Pipeline;

/// <summary>An article after clean and enrich: plain text, summary and figures, ready to store.</summary>
public sealed record ProcessedArticle(string Title, string Text, string Summary, IReadOnlyList<Figure> Figures);
