using AlertBot.Core.Storage;
using AlertBot.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AlertBot.Tests.Storage;

/// <summary>
/// Articles are keyed by (feed, identity) only: the migration that drops the old (topic, identity) key rebuilds the
/// table with foreign keys off around it, and every row that references an article still does, afterwards.
/// </summary>
public sealed class ArticleKeyMigrationTests
{
    private const string At = "2026-01-01T00:00:00+00:00";

    [Fact]
    public async Task Rebuilding_articles_keeps_every_row_and_reference_and_lets_a_second_feed_of_the_topic_store_the_item()
    {
        using var dir = new TempDirectory();
        var path = dir.File("old.db");
        var rebuild = OldDatabase.VersionBefore("CREATE TABLE articles_rebuilt");
        await OldDatabase.CreateAsync(path, rebuild,
                $"""
                INSERT INTO topics (id, name, query, check_interval_seconds, created_at) VALUES ('region', 'Region', '', 600, '{At}');
                INSERT INTO sources (id, topic_id, url) VALUES (1, 'region', 'https://wire.example/rss'), (2, 'region', 'https://local.example/rss');
                INSERT INTO topic_sources (topic_id, source_id, added_at) VALUES ('region', 1, '{At}'), ('region', 2, '{At}');
                INSERT INTO stories (id, first_seen_at, last_seen_at, title, reports) VALUES (7, '{At}', '{At}', 'Dam', 1);
                INSERT INTO articles (id, topic_id, source_id, identity, title, fetched_at, text, summary, story_id) VALUES
                    (10, 'region', 1, 'guid:dam', 'Dam gates opened', '{At}', 'x', 'x', 7);
                INSERT INTO topic_articles (topic_id, article_id) VALUES ('region', 10);
                INSERT INTO figures (article_id, position, value, measure, quote) VALUES (10, 0, 3, 'gates', 'three gates');
                INSERT INTO chats (platform, chat_id, is_private, created_at) VALUES ('telegram', '100', 0, '{At}');
                INSERT INTO subscriptions (id, platform, chat_id, user_id, topic_id, query, created_at) VALUES (1, 'telegram', '100', 'u', 'region', '', '{At}');
                INSERT INTO outbox (platform, chat_id, article_id, subscription_id, status, next_attempt_at, created_at, sent_at) VALUES
                    ('telegram', '100', 10, 1, 'sent', '{At}', '{At}', '{At}');
                """);

        var database = new Database(Options.Create(new StorageOptions { Path = path }), NullLogger<Database>.Instance);
        await database.MigrateAsync();

        await using var db = await database.OpenAsync();
        Assert.Equal(Migrations.All.Count, await db.ExecuteScalarAsync<long>("PRAGMA user_version;"));
        Assert.Equal((10L, 1L, 7L), await db.QuerySingleAsync<(long, long, long)>("SELECT id, source_id, story_id FROM articles"));
        Assert.Equal(1, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM figures WHERE article_id = 10"));
        Assert.Equal(1, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE article_id = 10"));
        Assert.Equal(1, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM topic_articles WHERE article_id = 10"));
        Assert.Empty(await db.QueryAsync("PRAGMA foreign_key_check;"));
        Assert.Equal(1, await db.ExecuteScalarAsync<long>("PRAGMA foreign_keys;"));

        // The same item from the topic's second feed is stored; the same feed twice still is not.
        Assert.Equal(1, await db.ExecuteAsync($"INSERT INTO articles (topic_id, source_id, identity, title, fetched_at, text, summary) VALUES ('region', 2, 'guid:dam', 'Dam gates opened', '{At}', 'x', 'x') ON CONFLICT DO NOTHING"));
        Assert.Equal(0, await db.ExecuteAsync($"INSERT INTO articles (topic_id, source_id, identity, title, fetched_at, text, summary) VALUES ('region', 1, 'guid:dam', 'Again', '{At}', 'x', 'x') ON CONFLICT DO NOTHING"));
        // References still point at the rebuilt table: deleting an article takes its figures and topic links along.
        await db.ExecuteAsync("DELETE FROM outbox WHERE article_id = 10; DELETE FROM articles WHERE id = 10;");
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM figures WHERE article_id = 10"));
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM topic_articles WHERE article_id = 10"));
    }
}
