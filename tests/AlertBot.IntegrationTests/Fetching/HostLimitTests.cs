using System.Collections.Concurrent;
using System.Net;
using AlertBot.Core.Feeds;
using Microsoft.AspNetCore.Http;

namespace AlertBot.IntegrationTests.Fetching;

public class HostLimitTests
{
    [Fact]
    public async Task The_server_never_sees_more_than_the_per_host_limit_while_other_hosts_proceed()
    {
        var inFlight = new ConcurrentDictionary<string, int>();
        var peakPerHost = new ConcurrentDictionary<string, int>();
        int total = 0, peakTotal = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var host = context.Connection.LocalIpAddress!.ToString();
            var now = inFlight.AddOrUpdate(host, 1, (_, n) => n + 1);
            peakPerHost.AddOrUpdate(host, now, (_, p) => Math.Max(p, now));
            var all = Interlocked.Increment(ref total);
            InterlockedMax(ref peakTotal, all);
            await Task.Delay(150);
            inFlight.AddOrUpdate(host, 0, (_, n) => n - 1);
            Interlocked.Decrement(ref total);
            await context.Response.WriteAsync(FetchTestOptions.Rss);
        }, IPAddress.Loopback, IPAddress.Parse("127.0.0.2"));
        using var fetcher = FetchTestOptions.Fetcher(FetchTestOptions.Loopback(o => o.MaxConcurrentPerHost = 3));

        var fetches = Enumerable.Range(0, 24).Select(i => fetcher.FetchAsync(server.Url($"feed/{i}", i % 2)));
        var results = await Task.WhenAll(fetches);

        Assert.All(results, r => Assert.IsType<FetchResult.Fetched>(r));
        Assert.Equal(3, peakPerHost["127.0.0.1"]);
        Assert.Equal(3, peakPerHost["127.0.0.2"]);
        Assert.True(peakTotal > 3, $"hosts were serialised against each other (peak {peakTotal})");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
