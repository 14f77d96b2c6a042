using AlertBot.Core;
using AlertBot.Core.Delivery;
using AlertBot.Core.Storage;
using AlertBot.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AlertBot.Tests.Storage;

/// <summary>Subscription ids are never handed out twice, so an old alert's button can only ever reach its own subscription.</summary>
public sealed class SubscriptionIdTests
{
    private static readonly ChatTarget s_chat = new("telegram", "100");

    [Fact]
    public async Task An_id_freed_by_unsubscribing_is_never_given_to_a_new_subscription()
    {
        using var db = await TestDatabase.CreateAsync(null, TestDatabase.Topic("t"));
        var first = await db.Subscriptions.AddAsync(s_chat, true, "u", "t", "troops");
        Assert.True(await db.Subscriptions.RemoveAsync(s_chat, first));

        var second = await db.Subscriptions.AddAsync(s_chat, true, "u", "t", "troops");

        Assert.True(second > first, $"#{second} reuses or precedes #{first}");
    }

    [Fact]
    public async Task Migrating_an_older_database_keeps_every_subscription_and_never_reuses_an_id_an_alert_still_names()
    {
        using var dir = new TempDirectory();
        var path = dir.File("old.db");
        var rebuild = OldDatabase.VersionBefore("subscriptions_v2");
        await OldDatabase.CreateAsync(path, rebuild,
                """
                INSERT INTO topics (id, name, query, check_interval_seconds, created_at) VALUES ('t', 'T', '', 600, '2026-01-01T00:00:00+00:00');
                INSERT INTO chats (platform, chat_id, is_private, created_at) VALUES ('telegram', '100', 1, '2026-01-01T00:00:00+00:00');
                INSERT INTO subscriptions (id, platform, chat_id, user_id, topic_id, query, created_at) VALUES
                    (1, 'telegram', '100', 'u', 't', 'troops', '2026-01-01T00:00:00+00:00'),
                    (2, 'telegram', '100', 'u', NULL, 'missiles', '2026-01-01T00:00:00+00:00'),
                    (7, 'telegram', '100', 'u', 't', 'drones', '2026-01-01T00:00:00+00:00');
                INSERT INTO articles (id, topic_id, identity, title, fetched_at, text, summary) VALUES (1, 't', 'a', 'A', '2026-01-01T00:00:00+00:00', 'x', 'x');
                INSERT INTO outbox (platform, chat_id, article_id, subscription_id, status, next_attempt_at, created_at)
                    VALUES ('telegram', '100', 1, 9, 'sent', '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00');
                """);

        var database = new Database(Options.Create(new StorageOptions { Path = path }), NullLogger<Database>.Instance);
        await database.MigrateAsync();
        var store = new SubscriptionStore(database, TimeProvider.System);

        var kept = await store.ListForChatAsync(s_chat);
        Assert.Equal([1L, 2L, 7L], kept.Select(s => s.Id));
        Assert.Equal(["troops", "missiles", "drones"], kept.Select(s => s.Query));
        Assert.Null(kept[1].TopicId);
        // #9 was deleted before the upgrade, but an alert with its Unsubscribe button is still out there.
        Assert.Equal(10, await store.AddAsync(s_chat, true, "u", "t", "new"));
        SqliteConnection.ClearAllPools();
    }
}
