namespace AlertBot.Core.Pipeline;

/// <summary>A selected item after clean and enrich: what the later stages (stories, match, commit) work on.</summary>
public sealed record EnrichedArticle(SelectedItem Item, ProcessedArticle Processed);
