using AlertBot.Core.Channels;
using AlertBot.Core.Chats;
using AlertBot.Core.Storage;
using AlertBot.Core.Subscriptions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AlertBot.Tests.Support;

/// <summary>A real SQLite file in a temp directory, migrated, with every store over it.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly TempDirectory _dir = new();

    private TestDatabase(TimeProvider time)
    {
        Time = time;
        Database = new Database(Options.Create(new StorageOptions { Path = _dir.File("alertbot.db") }), NullLogger<Database>.Instance);
        Topics = new TopicStore(Database, time);
        Sources = new SourceStore(Database);
        Articles = new ArticleStore(Database);
        Figures = new FigureStore(Database);
        Subscriptions = new SubscriptionStore(Database, time);
        Chats = new ChatStore(Database);
        Outbox = new OutboxStore(Database);
        State = new PlatformStateStore(Database);
        ChannelSettings = new ChannelSettingsStore(Database);
        Held = new HeldAlertStore(Database);
        Audit = new AuditStore(Database);
    }

    public TimeProvider Time { get; }
    public Database Database { get; }
    public TopicStore Topics { get; }
    public SourceStore Sources { get; }
    public ArticleStore Articles { get; }
    public FigureStore Figures { get; }
    public SubscriptionStore Subscriptions { get; }
    public ChatStore Chats { get; }
    public OutboxStore Outbox { get; }
    public PlatformStateStore State { get; }
    public ChannelSettingsStore ChannelSettings { get; }
    public HeldAlertStore Held { get; }
    public AuditStore Audit { get; }
    public string Directory => _dir.Path;

    public static async Task<TestDatabase> CreateAsync(TimeProvider? time = null, params TopicSeed[] topics)
    {
        var db = new TestDatabase(time ?? TimeProvider.System);
        await db.Database.MigrateAsync();
        if (topics.Length > 0) await db.Topics.ApplyAsync(topics);
        return db;
    }

    public static TopicSeed Topic(string id, params string[] sourceUrls) =>
        new(id, "Topic " + id, null, TimeSpan.FromMinutes(10), sourceUrls.Select(u => new SourceSeed(u, false)).ToList());

    /// <summary>The chat lifecycle over this database, owning <paramref name="matcher"/>.</summary>
    public ChatLifecycle Lifecycle(ISubscriptionMatcher matcher, int subscriptionsPerChat = 50) =>
        new(Subscriptions, Chats, matcher, Options.Create(new ChatLimitsOptions { SubscriptionsPerChat = subscriptionsPerChat }), NullLogger<ChatLifecycle>.Instance);

    public void Dispose()
    {
        Database.Dispose();
        _dir.Dispose();
    }
}
