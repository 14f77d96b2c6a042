using AlertBot.Core;
using AlertBot.Core.Delivery;
using AlertBot.Core.Feeds;
using AlertBot.Core.Feeds.Fetching;
using AlertBot.Core.Pipeline;
using AlertBot.Core.Storage;
using AlertBot.Core.Stories;
using AlertBot.Core.Subscriptions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AlertBot.Tests.Support;

/// <summary>The real check pipeline over a real SQLite file and a feed file the test rewrites between checks.</summary>
public sealed class PipelineRig : IDisposable
{
    private PipelineRig(TestDatabase db, Func<IArticleEnricher, IArticleEnricher>? enricher)
    {
        Db = db;
        FeedPath = Path.Combine(db.Directory, "feed.xml");
        Matcher = new SubscriptionMatcher();
        Signal = new OutboxSignal();
        Ingest = new IngestStore(db.Database);
        Stories = new StoryStage(new StoryStore(db.Database), Options.Create(new StoryOptions()), db.Time, NullLogger<StoryStage>.Instance);
        Router = new AlertRouter(Matcher, db.Subscriptions, Options.Create(new DeliveryOptions()));
        IArticleEnricher processor = new ArticleProcessor(Options.Create(new SummaryOptions()));
        Checker = new SourceChecker(db.Sources, db.Topics, db.Articles, Ingest, FeedFetcher.Create(new FetchOptions()),
            enricher is null ? processor : enricher(processor), Stories, Router,
            new SourceHealth(db.Sources, new SourceBackoff(), Options.Create(new FetchOptions()), NullLogger<SourceHealth>.Instance),
            Signal, db.Time, NullLogger<SourceChecker>.Instance);
    }

    public TestDatabase Db { get; }
    public string FeedPath { get; }
    public SubscriptionMatcher Matcher { get; }
    public OutboxSignal Signal { get; }
    public IngestStore Ingest { get; }
    public StoryStage Stories { get; }
    public AlertRouter Router { get; }
    public SourceChecker Checker { get; }
    public long SourceId { get; private set; }

    /// <param name="enricher">Wraps the real enricher (to make chosen items fail).</param>
    public static async Task<PipelineRig> CreateAsync(string topicQuery = "", bool drip = false, Func<IArticleEnricher, IArticleEnricher>? enricher = null)
    {
        var db = await TestDatabase.CreateAsync(new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)));
        var rig = new PipelineRig(db, enricher);
        await db.Topics.ApplyAsync([new TopicSeed("t", "Test topic", topicQuery, TimeSpan.FromMinutes(10), [new SourceSeed(new Uri(rig.FeedPath).ToString(), drip)])]);
        rig.SourceId = Assert.Single(await db.Sources.ListAsync()).Id;
        return rig;
    }

    public async Task<long> SubscribeAsync(string query, ChatTarget? chat = null, bool isPrivate = true, string userId = "user")
    {
        var target = chat ?? new ChatTarget("test", "chat-1");
        var parsed = Query.Parse(query).Query!;
        var id = await Db.Subscriptions.AddAsync(target, isPrivate, userId, "t", parsed.Text);
        Matcher.Add(id, "t", parsed);
        return id;
    }

    public void WriteFeed(params RssItem[] items) => File.WriteAllText(FeedPath, Rss(items));

    public Task<SourceCheckResult> CheckAsync(bool drip = false, CancellationToken ct = default) => Checker.CheckAsync(SourceId, drip, ct);

    public async Task<IReadOnlyList<string>> PendingTitlesAsync()
    {
        var due = await Db.Outbox.DueAsync(Db.Time.GetUtcNow().AddYears(1), 100);
        var titles = new List<string>();
        foreach (var row in due.Where(r => r.ArticleId is not null)) titles.Add((await Db.Articles.FindAsync(row.ArticleId!.Value))!.Title);
        return titles;
    }

    public static string Rss(params RssItem[] items) =>
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test</title>" +
        string.Concat(items.Select(i =>
            "<item>" + (i.Guid is null ? "" : $"<guid>{i.Guid}</guid>") + $"<title>{i.Title}</title>" +
            (i.Link is null ? "" : $"<link>{i.Link}</link>") +
            (i.Published is null ? "" : $"<pubDate>{i.Published.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}</pubDate>") +
            $"<description>{System.Security.SecurityElement.Escape(i.Text)}</description></item>")) +
        "</channel></rss>";

    public void Dispose()
    {
        Signal.Dispose();
        Stories.Dispose();
        Matcher.Dispose();
        Db.Dispose();
    }
}

public sealed record RssItem(string? Guid, string Title, string Text, DateTimeOffset? Published = null, string? Link = null);
