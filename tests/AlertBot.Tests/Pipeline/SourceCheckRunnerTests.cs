using Dapper;
using AlertBot.Core.Feeds;
using AlertBot.Core.Feeds.Fetching;
using AlertBot.Core.Pipeline;
using AlertBot.Tests.Support;
using Microsoft.Extensions.Options;

namespace AlertBot.Tests.Pipeline;

public sealed class SourceCheckRunnerTests
{
    [Fact]
    public async Task Many_sources_are_checked_concurrently_never_more_than_the_limit_and_every_commit_lands()
    {
        var gauge = new InFlightGauge();
        using var rig = await PipelineRig.CreateAsync(enricher: real => new GaugedEnricher(real, gauge));
        await rig.SubscribeAsync("troops");
        var ids = new List<long> { rig.SourceId };
        for (var i = 0; i < 11; i++)
        {
            var path = Path.Combine(rig.Db.Directory, $"feed-{i}.xml");
            await File.WriteAllTextAsync(path, PipelineRig.Rss(new RssItem($"s{i}", $"Story {i}", "North Korean troops moved.")));
            ids.Add((await rig.Db.Sources.AddToTopicAsync("t", new Uri(path).ToString(), null, null, rig.Db.Time.GetUtcNow())).SourceId);
        }
        rig.WriteFeed(new RssItem("s-main", "Main story", "North Korean troops moved."));
        var runner = new SourceCheckRunner(rig.Checker, Options.Create(new FetchOptions { MaxConcurrentChecks = 3 }));

        var results = await runner.CheckAllAsync(ids, honourDrip: false, CancellationToken.None);

        Assert.Equal(ids, results.Select(r => r.SourceId));
        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(12, results.Sum(r => r.NewArticles));
        // Alike reports may share a story (one alert each); whatever the checks wrote is in the outbox.
        await using var c = await rig.Db.Database.OpenAsync();
        Assert.Equal(results.Sum(r => r.Alerts), await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outbox WHERE kind = 'alert'"));
        Assert.InRange(results.Sum(r => r.Alerts), 1, 12);
        Assert.InRange(gauge.Max, 2, 3);
    }

    private sealed class InFlightGauge
    {
        private int _now;
        public int Max { get; private set; }

        public void Enter()
        {
            var now = Interlocked.Increment(ref _now);
            lock (this) Max = Math.Max(Max, now);
        }

        public void Leave() => Interlocked.Decrement(ref _now);
    }

    private sealed class GaugedEnricher(IArticleEnricher real, InFlightGauge gauge) : IArticleEnricher
    {
        public async Task<ProcessedArticle> ProcessAsync(FeedItem item, CancellationToken ct)
        {
            gauge.Enter();
            try
            {
                await Task.Delay(100, ct);
                return await real.ProcessAsync(item, ct);
            }
            finally
            {
                gauge.Leave();
            }
        }
    }
}
