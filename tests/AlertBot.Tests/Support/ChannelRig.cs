using AlertBot.Core;
using AlertBot.Core.Audit;
using AlertBot.Core.Channels;
using AlertBot.Core.Delivery;
using AlertBot.Core.Storage;
using AlertBot.Core.Subscriptions;
using Microsoft.Extensions.Time.Testing;

namespace AlertBot.Tests.Support;

/// <summary>A real SQLite file with one topic and one subscribed chat, alerts written straight to the outbox, and a fake clock.</summary>
public sealed class ChannelRig : IDisposable
{
    public static readonly ChatTarget Chat = new(RecordingPlatform.PlatformName, "chat-1");

    private int _articles;

    private ChannelRig(TestDatabase db, FakeTimeProvider clock, long subscriptionId)
    {
        Db = db;
        Clock = clock;
        SubscriptionId = subscriptionId;
    }

    public TestDatabase Db { get; }
    public FakeTimeProvider Clock { get; }
    public long SubscriptionId { get; }
    public SubscriptionMatcher Matcher { get; } = new();
    public RecordingPlatform Platform { get; } = new();

    public static async Task<ChannelRig> CreateAsync(DateTimeOffset start)
    {
        var clock = new FakeTimeProvider(start);
        var db = await TestDatabase.CreateAsync(clock, TestDatabase.Topic("t"));
        var sub = await db.Subscriptions.AddAsync(Chat, false, "mod", "t", "");
        return new ChannelRig(db, clock, sub);
    }

    /// <summary>A new dispatcher over the same database: what a restart of the bot gets.</summary>
    public OutboxDispatcher Dispatcher(int burstCap = 5) => Dispatchers.Create(Db, Matcher, [Platform], new DeliveryOptions { BurstCap = burstCap });

    public Task SetAsync(ChannelSettings settings) =>
        Db.ChannelSettings.SaveAsync(Chat, false, settings, new AuditEntry(Chat, "mod", null, "test", null, null, Clock.GetUtcNow()));

    /// <summary>Stores <paramref name="count"/> new articles and writes one outbox row each, as the pipeline does.</summary>
    /// <param name="subscriptionId">The subscription that matched: the rig's own unless given.</param>
    public async Task<IReadOnlyList<string>> AlertAsync(int count, string? batch = null, long? subscriptionId = null)
    {
        var titles = new List<string>();
        var entries = new List<OutboxEntry>();
        for (var i = 0; i < count; i++)
        {
            var n = ++_articles;
            var title = $"Story {n}";
            var id = await Db.Articles.InsertAsync(new ArticleRecord
            {
                TopicId = "t", Identity = "a" + n, Title = title, Link = $"https://example.com/{n}", Outlet = "example.com",
                FetchedAt = Clock.GetUtcNow(), PublishedAt = Clock.GetUtcNow(), Text = "Troops moved.", Summary = $"Summary of story {n}.",
            });
            entries.Add(new OutboxEntry(Chat, id!.Value, subscriptionId ?? SubscriptionId, batch));
            titles.Add(title);
        }
        await Db.Outbox.EnqueueAsync(entries, Clock.GetUtcNow());
        return titles;
    }

    public async Task<long> CountAsync(string status) => (await Db.Outbox.CountByStatusAsync()).GetValueOrDefault(status);

    public void Dispose()
    {
        Matcher.Dispose();
        Db.Dispose();
    }
}
