using AlertBot.Core.Chats;
using AlertBot.Core.Commands;
using AlertBot.Core.Commands.Groups;
using AlertBot.Core.Delivery;
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
        Dispatcher = new CommandDispatcher(
        [
            new HelpCommands(),
            new SubscriptionCommands(db.Topics, db.Subscriptions, Lifecycle, search),
            new TopicCommands(db.Topics, db.Sources, search, db.Time),
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

    public static async Task<DispatcherRig> CreateAsync(params TopicSeed[] topics) =>
        new(await TestDatabase.CreateAsync(new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)), topics));

    public void Dispose()
    {
        Matcher.Dispose();
        Signal.Dispose();
        Db.Dispose();
    }
}
