using AlertBot.Core.Channels;
using AlertBot.Core.Delivery;
using AlertBot.Core.Storage;
using AlertBot.Core.Subscriptions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AlertBot.Tests.Support;

/// <summary>The real outbox dispatcher, channel gate and composers over a test database.</summary>
public static class Dispatchers
{
    /// <summary>Each dispatcher is its own claim owner, like a separate process.</summary>
    public static OutboxDispatcher Create(
        TestDatabase db, ISubscriptionMatcher matcher, IEnumerable<IChatPlatform> platforms, DeliveryOptions? options = null, TimeProvider? time = null)
    {
        var opts = Options.Create(options ?? new DeliveryOptions());
        var owner = ClaimOwner.ForThisProcess();
        time ??= db.Time;
        var composer = new AlertComposer(db.Articles, db.Topics, db.Figures);
        return new OutboxDispatcher(db.Outbox, db.Lifecycle(matcher), composer,
            new DigestComposer(db.Articles, db.Topics, db.Figures), new ChannelGate(db.ChannelSettings, db.Held, db.Outbox, owner, time),
            new StoryEdits(db.Outbox, db.Articles, db.Figures, composer, db.ChannelSettings, opts, time, NullLogger<StoryEdits>.Instance),
            new TargetLossNotifier(db.Chats, db.Subscriptions, NullLogger<TargetLossNotifier>.Instance), platforms,
            opts, owner, time, NullLogger<OutboxDispatcher>.Instance);
    }
}
