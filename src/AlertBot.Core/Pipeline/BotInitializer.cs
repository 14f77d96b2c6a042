using AlertBot.Core.Chats;
using AlertBot.Core.Storage;
using AlertBot.Core.Subscriptions;
using AlertBot.Core.Topics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertBot.Core.Pipeline;

/// <summary>
/// What must happen before anything else runs: the schema migrated, topics seeded on a new database,
/// the live subscriptions compiled into the matcher.
/// </summary>
public sealed class BotInitializer(
    Database db,
    TopicStore topics,
    ChatLifecycle chats,
    ArticleStore articles,
    ISubscriptionMatcher matcher,
    IOptions<TopicsOptions> topicsOptions,
    ILogger<BotInitializer> logger)
{
    /// <summary>How many recent articles teach the matcher which words are rare.</summary>
    private const int StatisticsSample = 500;

    private int _done;

    public async Task InitializeAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _done, 1) == 1) return;
        await db.MigrateAsync(ct);
        if (await topics.SeedOnceAsync(TopicsFile.Load(topicsOptions.Value.File), ct))
            logger.LogInformation("Seeded topics from {File}", topicsOptions.Value.File);

        // Each subscription is filed under its rarest word: learn word frequencies from recent articles first.
        if (matcher is SubscriptionMatcher indexed)
        {
            foreach (var article in await articles.LatestAsync(null, StatisticsSample, ct))
                indexed.Statistics.Observe(ArticleTokens.From(article.Title + "\n" + article.Text));
        }

        var loaded = await chats.LoadAsync(ct);
        logger.LogInformation("Database {Path} ready, {Count} subscriptions loaded", db.FilePath, loaded);
    }
}
