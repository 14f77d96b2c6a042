using AlertBot.Core.Chats;
using AlertBot.Core.Commands;
using AlertBot.Core.Storage;
using AlertBot.Core.Subscriptions;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlertBot.Tests.Support;

/// <summary>The real command dispatcher over a real SQLite file, a fake clock and a fresh matcher.</summary>
public sealed class DispatcherRig : IDisposable
{
    private DispatcherRig(TestDatabase db)
    {
        Db = db;
        Matcher = new SubscriptionMatcher();
        Lifecycle = db.Lifecycle(Matcher);
        Dispatcher = new CommandDispatcher(db.Topics, db.Sources, db.Articles, db.Figures, db.Subscriptions, Lifecycle, db.Time, NullLogger<CommandDispatcher>.Instance);
    }

    public TestDatabase Db { get; }
    public SubscriptionMatcher Matcher { get; }
    public ChatLifecycle Lifecycle { get; }
    public CommandDispatcher Dispatcher { get; }

    public static async Task<DispatcherRig> CreateAsync(params TopicSeed[] topics) =>
        new(await TestDatabase.CreateAsync(new FakeTime(), topics));

    public void Dispose()
    {
        Matcher.Dispose();
        Db.Dispose();
    }
}
