using AlertBot.Core.Chats;
using AlertBot.Core.Commands;
using AlertBot.Core.Commands.Groups;
using AlertBot.Core.Delivery;
using AlertBot.Core.Feeds;
using AlertBot.Core.Feeds.Fetching;
using AlertBot.Core.Pipeline;
using AlertBot.Core.Stories;
using AlertBot.Core.Topics;
using AlertBot.Core.Storage;
using AlertBot.Core.Subscriptions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AlertBot.Tests.Support;

/// <summary>The real command dispatcher over a real SQLite file, a fake clock and a fresh matcher.</summary>
public sealed class DispatcherRig : IDisposable
{
    private DispatcherRig(TestDatabase db)
    {
        Db = db;
        Matcher = new SubscriptionMatcher();
        Lifecycle = db.Lifecycle(Matcher);
        var search = new ArticleSearch(db.Topics, db.Articles, db.Time);
        var fetchOptions = new FetchOptions { AllowedNetworks = ["127.0.0.0/8"] };
        var fetcher = FeedFetcher.Create(fetchOptions);
        Ingest = new IngestStore(db.Database);
        var stories = new StoryStage(new StoryStore(db.Database), Options.Create(new StoryOptions()), db.Time, NullLogger<StoryStage>.Instance);
        var checker = new SourceChecker(db.Sources, db.Topics, db.Articles, Ingest, fetcher, new ArticleProcessor(Options.Create(new SummaryOptions())),
            stories, new AlertRouter(Matcher, db.Subscriptions, Options.Create(new DeliveryOptions())),
            new SourceHealth(db.Sources, new SourceBackoff(), Options.Create(fetchOptions), NullLogger<SourceHealth>.Instance),
            Signal, db.Time, NullLogger<SourceChecker>.Instance,
            claims: new SourceClaims(db.Sources, new ClaimOwner("rig"), Options.Create(new StorageOptions()), db.Time));
        var limits = Options.Create(Limits);
        var access = new TopicAccess(db.Topics, db.Audit, db.Time);
        var feeds = new TopicFeedActions(db.Sources, access, new FeedProbe(fetcher), new OpmlTransfer(fetcher, db.Sources, db.Time), checker, Schedule, limits, db.Time);
        Dispatcher = new CommandDispatcher(
        [
            new HelpCommands(),
            new SubscriptionCommands(db.Topics, db.Subscriptions, Lifecycle, search),
            new TopicCommands(db.Topics, search),
            new TopicAdminCommands(db.Topics, db.Sources, db.Subscriptions, access, feeds, Schedule, limits, db.Time),
            new AuditCommands(db.Audit),
            new FigureCommands(db.Topics, db.Figures, db.Time),
            new StoryCommands(new StoryStore(db.Database), db.Articles, db.Figures, db.Time),
            new ChannelCommands(db.ChannelSettings, db.Held, Signal, Options.Create(new DeliveryOptions()), db.Time),
        ], db.Topics, NullLogger<CommandDispatcher>.Instance);
    }

    public TestDatabase Db { get; }
    public SubscriptionMatcher Matcher { get; }
    public ChatLifecycle Lifecycle { get; }
    public CommandDispatcher Dispatcher { get; }
    public OutboxSignal Signal { get; } = new();
    public IngestStore Ingest { get; }
    /// <summary>The limits the moderators' commands enforce; change before the first command.</summary>
    public ChatLimitsOptions Limits { get; } = new();
    /// <summary>Every feed the commands asked to schedule, in order.</summary>
    public RecordingSchedule Schedule { get; } = new();

    public static async Task<DispatcherRig> CreateAsync(params TopicSeed[] topics) =>
        new(await TestDatabase.CreateAsync(new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)), topics));

    public void Dispose()
    {
        Matcher.Dispose();
        Signal.Dispose();
        Db.Dispose();
    }
}
