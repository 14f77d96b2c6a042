using AlertBot.Core.Storage;
using AlertBot.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AlertBot.Tests.Storage;

/// <summary>A database made before feeds were shared is migrated forward with nothing lost.</summary>
public sealed class SharedFeedMigrationTests
{
    private const string At = "2026-01-01T00:00:00+00:00";

    [Fact]
    public async Task Migrating_keeps_topics_fetch_state_subscriptions_and_sent_history_and_a_feed_two_topics_shared_becomes_one()
    {
        using var dir = new TempDirectory();
        var path = dir.File("old.db");
        var before = OldDatabase.VersionBefore("CREATE TABLE topic_sources");
        await OldDatabase.CreateAsync(path, before,
                $"""
                INSERT INTO topics (id, name, query, check_interval_seconds, created_at) VALUES
                    ('war', 'War', '', 600, '{At}'), ('flood', 'Flood', 'flood', 300, '{At}');
                INSERT INTO sources (id, topic_id, url, etag, last_success_at, error_count) VALUES
                    (1, 'war', 'https://news.example/feed.xml', '"e1"', '{At}', 0),
                    (2, 'flood', 'https://news.example/feed.xml', '"e2"', '{At}', 0),
                    (3, 'flood', 'https://rain.example/rss', NULL, NULL, 4);
                INSERT INTO chats (platform, chat_id, is_private, created_at) VALUES ('telegram', '100', 0, '{At}'), ('discord', '200', 0, '{At}');
                INSERT INTO subscriptions (id, platform, chat_id, user_id, topic_id, query, created_at) VALUES
                    (1, 'telegram', '100', 'u', 'war', '', '{At}'), (5, 'discord', '200', 'v', 'flood', 'river', '{At}');
                INSERT INTO articles (id, topic_id, source_id, identity, title, fetched_at, text, summary) VALUES
                    (10, 'war', 1, 'guid:1', 'Flood and war', '{At}', 'x', 'x'),
                    (11, 'flood', 2, 'guid:1', 'Flood and war', '{At}', 'x', 'x'),
                    (12, 'flood', 3, 'guid:9', 'Rain', '{At}', 'x', 'x');
                INSERT INTO figures (article_id, position, value, measure, quote) VALUES (10, 0, 3, 'killed', 'three killed');
                INSERT INTO outbox (platform, chat_id, article_id, subscription_id, status, next_attempt_at, created_at, sent_at) VALUES
                    ('telegram', '100', 10, 1, 'sent', '{At}', '{At}', '{At}'),
                    ('discord', '200', 11, 5, 'sent', '{At}', '{At}', '{At}'),
                    ('discord', '200', 12, 5, 'sent', '{At}', '{At}', '{At}');
                """);

        var database = new Database(Options.Create(new StorageOptions { Path = path }), NullLogger<Database>.Instance);
        await database.MigrateAsync();

        var topics = new TopicStore(database, TimeProvider.System);
        var sources = new SourceStore(database);
        var articles = new ArticleStore(database);
        Assert.Equal(["flood", "war"], (await topics.ListAsync()).Select(t => t.Id));
        var feeds = await sources.ListAsync();
        Assert.Equal([1L, 3L], feeds.Select(s => s.Id));
        Assert.Equal(("\"e1\"", 4L), (feeds[0].Etag, feeds[1].ErrorCount));
        Assert.Equal([1L, 3L], (await sources.ForTopicAsync("flood")).Select(s => s.Id));
        Assert.Equal([1L], (await sources.ForTopicAsync("war")).Select(s => s.Id));
        Assert.Equal([(1L, "war"), (5L, "flood")], (await new SubscriptionStore(database, TimeProvider.System).FindAsync([1L, 5L])).Select(s => (s.Id, s.TopicId!)));
        // The item both topics stored is one article now, an article of both, with its figures.
        Assert.Equal(["Rain", "Flood and war"], (await articles.LatestAsync("flood", 10)).Select(a => a.Title));
        Assert.Equal(["flood", "war"], await articles.TopicsOfAsync(10));
        Assert.Null(await articles.FindAsync(11));
        Assert.Single(await new FigureStore(database).ForArticleAsync(10));
        await using var check = await database.OpenAsync();
        var sent = (await check.QueryAsync<(string ChatId, long ArticleId)>("SELECT chat_id, article_id FROM outbox WHERE status = 'sent' ORDER BY chat_id, article_id")).ToList();
        Assert.Equal([("100", 10L), ("200", 10L), ("200", 12L)], sent);
        SqliteConnection.ClearAllPools();
    }
}
