using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using AlertBot.Core.Feeds;
using AlertBot.Core.Feeds.Fetching;
using AlertBot.IntegrationTests.Fetching;
using Microsoft.AspNetCore.Http;

namespace AlertBot.Benchmarks;

/// <summary>
/// Polls N feeds once (default 10,000) through the real fetcher and parser, against Kestrel listening on
/// 127.0.0.1..127.0.0.8 so the per-host limit applies as it would across real sites. The mix per feed, by index:
/// 50% answer 304 to the stored ETag, 30% ignore validators and resend the same body, 20% changed (new ETag, new
/// body); half of the 200s are gzip-encoded. Prints <c>poll feeds=N seconds=S peak-MB=M</c>; peak-MB is the whole
/// process (server included), so the fetcher's own share is lower.
/// Options: --feeds N, --hosts H (1..8), --parallel P (scheduler concurrency, default 64).
/// </summary>
internal static class PollBench
{
    private const int Variants = 32;

    public static int Run(string[] args)
    {
        var feeds = Option(args, "--feeds", 10_000);
        var hostCount = Math.Clamp(Option(args, "--hosts", 8), 1, 8);
        var parallel = Option(args, "--parallel", 64);
        return RunAsync(feeds, hostCount, parallel).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int feedCount, int hostCount, int parallel)
    {
        var bodies = Enumerable.Range(0, Variants).Select(v => Encoding.UTF8.GetBytes(BuildFeed(v))).ToArray();
        var gzipped = bodies.Select(Gzip).ToArray();
        var addresses = Enumerable.Range(1, hostCount).Select(i => IPAddress.Parse($"127.0.0.{i}")).ToArray();
        await using var server = await StartServerAsync(addresses, bodies, gzipped);
        var bases = server.BaseUris.OrderBy(u => u.Host, StringComparer.Ordinal).ToArray();

        var options = new FetchOptions { AllowedNetworks = ["127.0.0.0/8"] };
        var fetcher = FeedFetcher.Create(options);
        // What the database would hold after an earlier poll: every feed that sends an ETag has one stored.
        var requests = Enumerable.Range(0, feedCount)
            .Select(i => new FetchRequest(new Uri(bases[i % bases.Length], $"feed/{i}"), Kind(i) == FeedKind.SameBody ? null : $"\"{i}-old\""))
            .ToArray();

        // Warm up the JIT, the connection pools and the parser on a few feeds, outside the measurement.
        foreach (var request in requests.Take(hostCount * 4)) await PollOneAsync(fetcher, request);
        GC.Collect();

        int notModified = 0, fetched = 0, failed = 0, items = 0;
        string? firstError = null;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (request, ct) =>
        {
            var (outcome, count, error) = await PollOneAsync(fetcher, request);
            switch (outcome)
            {
                case 0: Interlocked.Increment(ref notModified); break;
                case 1: Interlocked.Increment(ref fetched); Interlocked.Add(ref items, count); break;
                default: Interlocked.Increment(ref failed); Interlocked.CompareExchange(ref firstError, error, null); break;
            }
        });
        clock.Stop();

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peakMb = process.PeakWorkingSet64 / (1024.0 * 1024.0);
        Console.WriteLine($"poll hosts={hostCount} per-host-limit={options.MaxConcurrentPerHost} parallel={parallel} 304={notModified} 200={fetched} failed={failed} items-parsed={items}");
        if (firstError is not null) Console.WriteLine($"poll first-error: {firstError}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"poll feeds={feedCount} seconds={clock.Elapsed.TotalSeconds:0.00} peak-MB={peakMb:0}"));
        return failed == 0 ? 0 : 1;
    }

    /// <returns>0 not modified, 1 fetched and parsed, 2 failed.</returns>
    private static async Task<(int Outcome, int Items, string? Error)> PollOneAsync(FeedFetcher fetcher, FetchRequest request)
    {
        switch (await fetcher.FetchAsync(request, CancellationToken.None))
        {
            case FetchResult.NotModified:
                return (0, 0, null);
            case FetchResult.Fetched body:
                var parsed = FeedParser.Parse(body.Body, body.FinalUrl, body.ContentType);
                return parsed.Feed is { } feed ? (1, feed.Items.Count, null) : (2, 0, parsed.Error);
            case FetchResult.Failed failure:
                return (2, 0, failure.Error);
            default:
                return (2, 0, "unknown result");
        }
    }

    private enum FeedKind { NotModified, SameBody, Changed }

    private static FeedKind Kind(int feed) => (feed % 10) switch
    {
        < 5 => FeedKind.NotModified,
        < 8 => FeedKind.SameBody,
        _ => FeedKind.Changed,
    };

    private static Task<LoopbackServer> StartServerAsync(IPAddress[] addresses, byte[][] bodies, byte[][] gzipped)
    {
        return LoopbackServer.StartAsync(async context =>
        {
            var feed = int.Parse(context.Request.Path.Value!.AsSpan("/feed/".Length), CultureInfo.InvariantCulture);
            var kind = Kind(feed);
            if (kind == FeedKind.NotModified && context.Request.Headers.IfNoneMatch == $"\"{feed}-old\"")
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            if (kind != FeedKind.SameBody) context.Response.Headers.ETag = $"\"{feed}-new\"";
            var variant = (feed + (kind == FeedKind.Changed ? 1 : 0)) % Variants;
            var useGzip = feed % 2 == 0 && context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.Ordinal);
            var payload = useGzip ? gzipped[variant] : bodies[variant];
            if (useGzip) context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            context.Response.ContentLength = payload.Length;
            await context.Response.Body.WriteAsync(payload);
        }, addresses);
    }

    /// <summary>A news-sized RSS 2.0 document: 20 items with teasers, about 12 KB.</summary>
    private static string BuildFeed(int variant)
    {
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>");
        sb.Append(CultureInfo.InvariantCulture, $"<title>Outlet {variant} world news</title><link>https://outlet{variant}.example/</link><description>Latest</description>");
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 20; i++)
        {
            var n = variant * 100 + i;
            sb.Append(CultureInfo.InvariantCulture, $"<item><title>Report {n}: troops redeployed near the border &amp; talks stall</title>");
            sb.Append(CultureInfo.InvariantCulture, $"<link>https://outlet{variant}.example/news/{n}</link><guid isPermaLink=\"false\">outlet{variant}-{n}</guid>");
            sb.Append(CultureInfo.InvariantCulture, $"<pubDate>{start.AddHours(n):r}</pubDate><dc:creator>Staff writer</dc:creator><category>World</category>");
            sb.Append("<description><![CDATA[<p>Officials said on Tuesday that about 1,500 additional troops had been moved in recent weeks, ");
            sb.Append("according to assessments shared with reporters. The figures could not be independently verified; ");
            sb.Append("analysts cautioned that estimates vary widely between sources and over time.</p>]]></description></item>");
        }
        sb.Append("</channel></rss>");
        return sb.ToString();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(data);
        return output.ToArray();
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
