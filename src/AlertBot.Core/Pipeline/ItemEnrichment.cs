using Microsoft.Extensions.Logging;

namespace AlertBot.Core.Pipeline;

/// <summary>
/// Enriches a check's selected items one by one, each isolated: an item that throws is skipped and counted, and the
/// rest of the feed goes through. A skipped item is not stored, so the next check tries it again.
/// </summary>
public static class ItemEnrichment
{
    public static async Task<ItemEnrichmentResult> EnrichAsync(IReadOnlyList<SelectedItem> items, IArticleEnricher enricher, ILogger logger, CancellationToken ct)
    {
        var enriched = new List<EnrichedArticle>(items.Count);
        var skipped = 0;
        string? lastError = null;
        foreach (var item in items)
        {
            try
            {
                enriched.Add(new EnrichedArticle(item, await enricher.ProcessAsync(item.Item, ct)));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                skipped++;
                lastError = $"{item.Identity}: {ex.Message}";
                logger.LogWarning(ex, "Skipped item {Identity}: enriching it failed", item.Identity);
            }
        }
        return new ItemEnrichmentResult(enriched, skipped, lastError);
    }
}

/// <param name="Skipped">Items that failed and were left out.</param>
/// <param name="LastError">Which item failed last and why, or null.</param>
public sealed record ItemEnrichmentResult(IReadOnlyList<EnrichedArticle> Articles, int Skipped, string? LastError);
