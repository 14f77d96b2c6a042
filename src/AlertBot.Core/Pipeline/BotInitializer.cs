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
        await ApplyTopicsFileAsync(ct);

        // Each subscription is filed under its rarest word: learn word frequencies from recent articles first.
        if (matcher is SubscriptionMatcher indexed)
        {
            foreach (var article in await articles.LatestAsync(null, StatisticsSample, ct))
                indexed.Statistics.Observe(ArticleTokens.From(article.Title + "\n" + article.Text));
        }

        var loaded = await chats.LoadAsync(ct);
        logger.LogInformation("Database {Path} ready, {Count} subscriptions loaded", db.FilePath, loaded);
    }

    /// <summary>topics.json is the operator's desired state, applied at every start; once the database has topics the file is optional.</summary>
    private async Task ApplyTopicsFileAsync(CancellationToken ct)
    {
        var file = topicsOptions.Value.File;
        if (!File.Exists(file) && (await topics.ListAsync(ct)).Count > 0)
        {
            logger.LogInformation("Topics file {File} not found; keeping the topics the database has", file);
            return;
        }
        var applied = await topics.ApplyAsync(TopicsFile.Load(file), ct);
        foreach (var id in applied.Added) logger.LogInformation("Topic {Topic} added from {File}", id, file);
        foreach (var id in applied.Updated) logger.LogInformation("Topic {Topic} updated from {File}", id, file);
        foreach (var id in applied.Paused)
            logger.LogWarning("Topic {Topic} is no longer in {File}: paused, not deleted (its subscriptions are kept)", id, file);
        foreach (var id in applied.Skipped)
            logger.LogWarning("Topic {Topic} in {File} is skipped: a community owns a topic with that id", id, file);
    }
}
