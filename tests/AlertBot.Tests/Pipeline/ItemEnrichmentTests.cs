using AlertBot.Core.Feeds;
using AlertBot.Core.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlertBot.Tests.Pipeline;

public sealed class ItemEnrichmentTests
{
    private static SelectedItem Item(string title) => new(new FeedItem { Id = title, Title = title, Content = "Troops moved." }, "id:" + title, Alert: true);

    [Fact]
    public async Task An_item_that_throws_is_skipped_and_counted_and_the_others_go_through_in_order()
    {
        var enricher = new FailingEnricher("b", "d");

        var result = await ItemEnrichment.EnrichAsync([Item("a"), Item("b"), Item("c"), Item("d")], enricher, NullLogger.Instance, CancellationToken.None);

        Assert.Equal(["a", "c"], result.Articles.Select(a => a.Processed.Title));
        Assert.Equal(2, result.Skipped);
        Assert.Equal("id:d: cannot enrich d", result.LastError);
    }

    [Fact]
    public async Task Nothing_failing_means_nothing_skipped()
    {
        var result = await ItemEnrichment.EnrichAsync([Item("a")], new FailingEnricher(), NullLogger.Instance, CancellationToken.None);

        Assert.Single(result.Articles);
        Assert.Equal(0, result.Skipped);
        Assert.Null(result.LastError);
    }

    [Fact]
    public async Task Cancellation_is_not_a_skipped_item_it_stops_the_check()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ItemEnrichment.EnrichAsync([Item("a")], new FailingEnricher(), NullLogger.Instance, cts.Token));
    }

    private sealed class FailingEnricher(params string[] failing) : IArticleEnricher
    {
        public Task<ProcessedArticle> ProcessAsync(FeedItem item, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            if (failing.Contains(item.Title)) throw new InvalidOperationException("cannot enrich " + item.Title);
            return Task.FromResult(new ProcessedArticle(item.Title!, item.Content!, item.Content!, []));
        }
    }
}
