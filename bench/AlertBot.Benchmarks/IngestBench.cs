using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using AlertBot.Core;
using AlertBot.Core.Articles;
using AlertBot.Core.Channels;
using AlertBot.Core.Chats;
using AlertBot.Core.Delivery;
using AlertBot.Core.Feeds;
using AlertBot.Core.Pipeline;
using AlertBot.Core.Storage;
using AlertBot.Core.Stories;
using AlertBot.Core.Subscriptions;
using AlertBot.IntegrationTests.Fetching;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlertBot.Benchmarks;

/// <summary>
/// The whole ingest pipeline at scale: N feeds × M new items (default 1,000 × 20) served by Kestrel on 127.0.0.2..9,
/// so the fetcher's per-host limit applies as it would across real sites. Each item carries about 1 KB of news text
/// with figures (one in twenty is a teaser whose linked page is fetched). The real services, wired as the host wires
/// them, check every source once through <see cref="SourceCheckRunner"/> (what <c>alertbot once</c> runs): fetch, parse,
/// select, clean, summarise, extract figures, match against 300 subscriptions of 100 chats, and commit articles, figures
/// and outbox rows to a real SQLite file. Sources start as checked before, so every item is new and may alert
/// (<c>--fresh</c>: a new database, where each source's backlog is taken as seen except its newest item).
/// Prints <c>ingest feeds=N articles=A seconds=S articles/s=X peak-MB=M cpu-s=C</c> (peak-MB is the whole process,
/// server included) and the time per stage summed over all checks.
/// Options: --feeds N, --items M, --concurrency C (Fetch:MaxConcurrentChecks), --fresh, --profile-only (the one-thread
/// CPU and allocation profile per stage, five times or --rounds R, without the full run), --jit-top N (what the JIT compiled during
/// the run: totals by tier and namespace, and the N slowest methods), --keep (leaves the database and prints where, to
/// look at what the run stored).
/// </summary>
internal static class IngestBench
{
    private const int Topics = 10;
    private const int Chats = 100;
    private const int SubscriptionCount = 300;

    public static int Run(string[] args)
    {
        var feeds = Option(args, "--feeds", 1000);
        var items = Option(args, "--items", 20);
        var concurrency = Option(args, "--concurrency", 0);
        var jitTop = Option(args, "--jit-top", 0);
        return RunAsync(feeds, items, concurrency, fresh: args.Contains("--fresh"), profileOnly: args.Contains("--profile-only"), jitTop, keep: args.Contains("--keep"),
            profileRounds: Option(args, "--rounds", 5)).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int feedCount, int itemCount, int concurrency, bool fresh, bool profileOnly, int jitTop, bool keep, int profileRounds)
    {
        using var jit = jitTop > 0 ? new JitListener() : null;
        var dir = Directory.CreateTempSubdirectory("alertbot-ingest-").FullName;
        try
        {
            var addresses = Enumerable.Range(2, 8).Select(i => IPAddress.Parse($"127.0.0.{i}")).ToArray();
            // Bodies are made before the clock starts: the measured CPU is the bot's, not the feed generator's.
            var prepared = IngestFeeds.Prepare(feedCount, itemCount);
            await using var server = await StartServerAsync(addresses, prepared);
            var bases = server.BaseUris.OrderBy(u => u.Host, StringComparer.Ordinal).ToArray();
            prepared.Bake(f => bases[f % bases.Length].GetLeftPart(UriPartial.Authority));
            var feedUrls = Enumerable.Range(0, feedCount).Select(i => new Uri(bases[i % bases.Length], $"feed/{i}").ToString()).ToList();

            using var services = BuildServices(dir, feedUrls, concurrency);
            await services.GetRequiredService<BotInitializer>().InitializeAsync(CancellationToken.None);
            await SubscribeAsync(services);
            var sources = await services.GetRequiredService<SourceStore>().ListAsync();
            if (!fresh)
            {
                var earlier = TimeProvider.System.GetUtcNow().AddHours(-1);
                foreach (var s in sources) await services.GetRequiredService<SourceStore>().RecordSuccessAsync(s.Id, null, null, 0, earlier, earlier);
            }
            await WarmUpAsync(services, bases[0], itemCount);
            if (profileOnly)
            {
                // The one-thread profile alone, run repeatedly so the code is hot: quick to compare before and after a change.
                for (var round = 0; round < profileRounds; round++) Console.WriteLine("ingest cpu-ms-per-article (one thread) " + (await ProfileAsync(services, bases, Math.Min(feedCount, 50))).Line);
                return 0;
            }
            StageTimes.Reset();
            GC.Collect();

            using var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var runtimeBefore = RuntimeCounters.Read();
            var writerCpuBefore = ThreadCpu.Seconds("AlertBot databa");
            jit?.Start();
            var clock = Stopwatch.StartNew();
            var results = await services.GetRequiredService<SourceCheckRunner>().CheckAllAsync(sources.Select(s => s.Id).ToList(), honourDrip: false, CancellationToken.None);
            clock.Stop();
            jit?.Stop();
            // The writer thread lives on for a few idle seconds after the last commit, long enough to be read here.
            var writerCpu = ThreadCpu.Seconds("AlertBot databa") - writerCpuBefore;
            var runtime = RuntimeCounters.Read() - runtimeBefore;
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            var peakMb = process.PeakWorkingSet64 / (1024.0 * 1024.0);

            // After the run, so the code is as hot (JIT-tiered) as it was for most of it.
            var profile = await ProfileAsync(services, bases, Math.Min(feedCount, 50));
            var articles = results.Sum(r => r.NewArticles);
            var failed = results.Where(r => r.Error is not null).ToList();
            var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AlertBot.Core.Feeds.Fetching.FetchOptions>>().Value;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ingest concurrency={options.MaxConcurrentChecks} per-host-limit={options.MaxConcurrentPerHost} alerts={results.Sum(r => r.Alerts)} skipped-items={results.Sum(r => r.SkippedItems)} failed-checks={failed.Count}"));
            if (failed.Count > 0) Console.WriteLine($"ingest first-error: {failed[0].Error}");
            Console.WriteLine("ingest stored " + await StoredAsync(services));
            Console.WriteLine("ingest stage-seconds " + string.Join(" ", StageTimes.Snapshot().Select(s =>
                string.Create(CultureInfo.InvariantCulture, $"{s.Stage.ToString().ToLowerInvariant()}={s.Total.TotalSeconds:0.00}"))));
            Console.WriteLine("ingest runtime " + runtime.Describe(articles) + string.Create(CultureInfo.InvariantCulture, $" writer-cpu-s={writerCpu:0.00}"));
            foreach (var line in jit?.Report(jitTop) ?? []) Console.WriteLine("ingest " + line);
            Console.WriteLine("ingest cpu-ms-per-article (one thread) " + profile.Line);
            // What the profile does not cover (story assignment, routing, commit, the loopback server's side of the run,
            // runtime and pool overhead under concurrency): the run's allocation per article minus the profile's stages.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ingest alloc-KB-per-article run={runtime.Allocated / 1024.0 / Math.Max(1, articles):0.0} profiled={profile.AllocKbPerArticle:0.0} unprofiled={runtime.Allocated / 1024.0 / Math.Max(1, articles) - profile.AllocKbPerArticle:0.0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ingest feeds={feedCount} articles={articles} seconds={clock.Elapsed.TotalSeconds:0.00} articles/s={articles / clock.Elapsed.TotalSeconds:0} peak-MB={peakMb:0} cpu-s={cpu:0.0}"));
            return failed.Count == 0 ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (keep) Console.WriteLine($"ingest kept {dir}");
            else try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>What the run left in the database: stories and outbox rows by kind (a first alert, or an edit of one
    /// already sent for the story), so the workload's shape is on record next to its speed.</summary>
    private static async Task<string> StoredAsync(IServiceProvider services)
    {
        await using var c = await services.GetRequiredService<Database>().OpenAsync();
        using var query = c.CreateCommand();
        query.CommandText = """
            SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(DISTINCT story_id) FROM articles), (SELECT COUNT(*) FROM figures),
                   (SELECT COUNT(*) FROM outbox WHERE kind = 'alert'), (SELECT COUNT(*) FROM outbox WHERE kind = 'edit')
            """;
        await using var r = await query.ExecuteReaderAsync();
        await r.ReadAsync();
        return string.Create(CultureInfo.InvariantCulture,
            $"articles={r.GetInt64(0)} stories={r.GetInt64(1)} figures={r.GetInt64(2)} outbox-alerts={r.GetInt64(3)} outbox-edits={r.GetInt64(4)}");
    }

    private static ServiceProvider BuildServices(string dir, IReadOnlyList<string> feedUrls, int concurrency)
    {
        var topicsFile = Path.Combine(dir, "topics.json");
        var topics = Enumerable.Range(0, Topics).Select(t => new
        {
            id = $"topic-{t}",
            name = $"Topic {t}",
            checkIntervalSeconds = 600,
            sources = feedUrls.Where((_, i) => i % Topics == t).Select(u => new { url = u }).ToList(),
        });
        File.WriteAllText(topicsFile, System.Text.Json.JsonSerializer.Serialize(new { topics }));
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Path"] = Path.Combine(dir, "alertbot.db"),
            ["Topics:File"] = topicsFile,
            ["Fetch:AllowedNetworks:0"] = "127.0.0.0/8",
        };
        if (concurrency > 0) settings["Fetch:MaxConcurrentChecks"] = concurrency.ToString(CultureInfo.InvariantCulture);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Error));
        services.AddSingleton(TimeProvider.System);
        services.AddStorage();
        services.AddMatching();
        services.AddPipeline();
        services.AddStories();
        services.AddChannels();
        services.AddDelivery();
        services.AddChats();
        return services.BuildServiceProvider();
    }

    private static readonly string[] s_queries =
    [
        "troops", "\"north korea\"", "ceasefire OR truce", "flood* -drill", "aid package", "turnout", "killed", "evacuat*",
        "(troops OR soldiers) border", "inflation rate", "\"central bank\"", "earthquake -drill", "strike workers", "election seats",
        "refugees", "wildfire", "vaccine cases", "budget deficit", "protest crowd", "sanctions",
    ];

    /// <summary>300 subscriptions over 100 chats: most follow one topic with a query, some a whole topic, a few every topic.</summary>
    private static async Task SubscribeAsync(IServiceProvider services)
    {
        var store = services.GetRequiredService<SubscriptionStore>();
        var matcher = services.GetRequiredService<ISubscriptionMatcher>();
        for (var i = 0; i < SubscriptionCount; i++)
        {
            var chat = new ChatTarget("bench", $"chat-{i % Chats}");
            var topic = i % 17 == 0 ? null : $"topic-{i % Topics}";
            var text = i % 10 == 0 ? "" : s_queries[i % s_queries.Length];
            var query = Query.Parse(text).Query!;
            var id = await store.AddAsync(chat, isPrivate: i % 2 == 0, $"user-{i}", topic, query.Text);
            matcher.Add(id, topic, query);
        }
    }

    /// <summary>JIT and connection pools warmed on one feed through the same stages, without touching the database.</summary>
    private static async Task WarmUpAsync(IServiceProvider services, Uri server, int items)
    {
        foreach (var item in (await FetchItemsAsync(services, new Uri(server, "feed/0"))).Take(items))
            await services.GetRequiredService<IArticleEnricher>().ProcessAsync(item, CancellationToken.None);
    }

    private static async Task<IReadOnlyList<FeedItem>> FetchItemsAsync(IServiceProvider services, Uri url) =>
        await services.GetRequiredService<IFeedFetcher>().FetchAsync(new FetchRequest(url), CancellationToken.None) is FetchResult.Fetched body
            ? FeedParser.Parse(body.Body, body.FinalUrl, body.ContentType).Feed?.Items ?? []
            : [];

    /// <summary>
    /// Where the CPU and allocation go, stage by stage, on one thread over the items of a few feeds (process CPU time;
    /// the server is idle but for the fetch and pages stages, whose counts include its side). Story assignment, routing
    /// and committing are left to the stage totals of the real run; the run prints what the profile leaves unexplained.
    /// </summary>
    private static async Task<(string Line, double AllocKbPerArticle)> ProfileAsync(IServiceProvider services, Uri[] bases, int feeds)
    {
        var bodies = new List<FetchResult.Fetched>();
        var fetch = await CostAsync("fetch", async () =>
        {
            for (var f = 0; f < feeds; f++)
            {
                if (await services.GetRequiredService<IFeedFetcher>().FetchAsync(new FetchRequest(new Uri(bases[f % bases.Length], $"feed/{f}")), CancellationToken.None) is FetchResult.Fetched body)
                    bodies.Add(body);
            }
        });
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SummaryOptions>>();
        var matcher = services.GetRequiredService<ISubscriptionMatcher>();
        var resolver = services.GetRequiredService<ArticleTextResolver>();
        var items = new List<FeedItem>();
        var texts = new List<(string Title, string Text)>();
        var figures = new List<IReadOnlyList<AlertBot.Core.Figures.Figure>>();
        var split = new List<AlertBot.Core.Text.ArticleSentences>();
        var tokens = new List<ArticleTokens>();
        var stories = new StoryClusterer(new StoryOptions());
        var published = TimeProvider.System.GetUtcNow();
        var costs = new List<(string Stage, double Seconds, long Bytes)>
        {
            fetch,
            Cost("parse", () => items.AddRange(bodies.SelectMany(b => FeedParser.Parse(b.Body, b.FinalUrl, b.ContentType).Feed!.Items))),
            Cost("identity", () => items.ForEach(i => ArticleIdentity.Of(i))),
            Cost("clean", () => texts.AddRange(items.Select(i => (i.Title ?? "", ArticleTextResolver.CleanFromFeed(i))))),
            // Teasers (one item in twenty) take their linked page's text: fetched and extracted through the full HTML parser.
            await CostAsync("pages", async () =>
            {
                for (var i = 0; i < items.Count; i++)
                    if (resolver.IsTeaserOnly(items[i])) texts[i] = (texts[i].Title, await resolver.ResolveAsync(items[i], CancellationToken.None));
            }),
            // As ArticleProcessor.Enrich: the summary reads the sentences the figure extractor split.
            Cost("figures", () =>
            {
                foreach (var (title, text) in texts)
                {
                    split.Add(new AlertBot.Core.Text.ArticleSentences(text));
                    figures.Add(AlertBot.Core.Figures.FigureExtractor.Extract(title, split[^1]));
                }
            }),
            Cost("summary", () =>
            {
                for (var i = 0; i < texts.Count; i++)
                    AlertBot.Core.Summaries.Summarizer.Summarize(texts[i].Title, split[i], options.Value.MaxChars, figures[i].Select(f => f.Quote).ToList());
            }),
            Cost("tokens", () => tokens.AddRange(texts.Select(t => ArticleTokens.Of(t.Title, t.Text)))),
            // As the pipeline reads a report for its story: from the tokens matching uses.
            Cost("storyread", () =>
            {
                for (var i = 0; i < texts.Count; i++) stories.Read(new StoryArticle(i.ToString(CultureInfo.InvariantCulture), texts[i].Title, texts[i].Text, published), tokens[i]);
            }),
            Cost("match", () => tokens.ForEach(t => matcher.Match("topic-0", t))),
        };
        var n = Math.Max(1, items.Count);
        var line = string.Join(" ", costs.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Stage}={c.Seconds * 1000 / n:0.000}"))) +
            " | alloc-KB-per-article " + string.Join(" ", costs.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Stage}={c.Bytes / 1024.0 / n:0.0}")));
        return (line, costs.Sum(c => c.Bytes) / 1024.0 / n);
    }

    /// <summary>
    /// As <see cref="Cost"/> for a stage that awaits I/O (its continuations run on pool threads): bytes allocated by the
    /// whole process, which is otherwise idle apart from the loopback server answering the stage's requests (counted too).
    /// </summary>
    private static async Task<(string Stage, double Seconds, long Bytes)> CostAsync(string stage, Func<Task> work)
    {
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        await work();
        bytes = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        process.Refresh();
        return (stage, (process.TotalProcessorTime - before).TotalSeconds, bytes);
    }

    /// <summary>Process CPU time and bytes allocated on this thread by one stage over all profiled items.</summary>
    private static (string Stage, double Seconds, long Bytes) Cost(string stage, Action work)
    {
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        work();
        bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
        process.Refresh();
        return (stage, (process.TotalProcessorTime - before).TotalSeconds, bytes);
    }

    private static Task<LoopbackServer> StartServerAsync(IPAddress[] addresses, IngestFeeds feeds)
    {
        return LoopbackServer.StartAsync(async context =>
        {
            var path = context.Request.Path.Value!;
            var page = path.StartsWith("/page/", StringComparison.Ordinal);
            var body = page ? feeds.Page(path) : feeds.Feed(int.Parse(path.AsSpan("/feed/".Length), CultureInfo.InvariantCulture), $"{context.Request.Scheme}://{context.Request.Host}");
            context.Response.ContentType = page ? "text/html; charset=utf-8" : "application/rss+xml; charset=utf-8";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body);
        }, addresses);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
