using AlertBot.Core.Channels;
using AlertBot.Core.Delivery;
using AlertBot.Core.Subscriptions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AlertBot.Tests.Support;

/// <summary>The real outbox dispatcher, channel gate and composers over a test database.</summary>
public static class Dispatchers
{
    public static OutboxDispatcher Create(TestDatabase db, ISubscriptionMatcher matcher, IEnumerable<IChatPlatform> platforms, DeliveryOptions? options = null)
    {
        var opts = Options.Create(options ?? new DeliveryOptions());
        var composer = new AlertComposer(db.Articles, db.Topics, db.Figures);
        return new OutboxDispatcher(db.Outbox, db.Lifecycle(matcher), composer,
            new DigestComposer(db.Articles, db.Topics, db.Figures), new ChannelGate(db.ChannelSettings, db.Held, db.Outbox, opts, db.Time),
            new StoryEdits(db.Outbox, db.Articles, db.Figures, composer, db.ChannelSettings, opts, db.Time, NullLogger<StoryEdits>.Instance),
            new TargetLossNotifier(db.Chats, db.Subscriptions, NullLogger<TargetLossNotifier>.Instance), platforms,
            opts, db.Time, NullLogger<OutboxDispatcher>.Instance);
    }
}
