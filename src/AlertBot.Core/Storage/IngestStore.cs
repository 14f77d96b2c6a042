using System.Diagnostics;
using AlertBot.Core.Pipeline;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AlertBot.Core.Storage;

/// <summary>
/// The write side of a check: one transaction stores its new articles with their figures, their outbox rows, the
/// moderators' notice and the source's fetch state. A crash before the commit leaves nothing behind, so the next check
/// sees the same items as new and stores and alerts them exactly once.
/// </summary>
public sealed class IngestStore(Database db) : IDisposable
{
    // SQLite has one writer at a time: concurrent checks queue here instead of spinning on busy_timeout.
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <returns>How many articles were new and how many outbox rows were written (alerts, and edits of alerts already sent for a story).</returns>
    public async Task<(int Stored, int Alerts)> CommitAsync(CheckCommit commit, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await _writer.WaitAsync(ct);
        var held = Stopwatch.GetTimestamp();
        try
        {
            using var tx = c.BeginTransaction(deferred: false);
            var (stored, alerts) = WriteArticles(c, tx, commit);
            await WriteOutcomeAsync(c, tx, commit);
            tx.Commit();
            return (stored, alerts);
        }
        finally
        {
            StageTimes.Add(PipelineStage.Write, held);
            _writer.Release();
        }
    }

    private static (int Stored, int Alerts) WriteArticles(SqliteConnection c, SqliteTransaction tx, CheckCommit commit)
    {
        if (commit.Articles.Count == 0) return (0, 0);
        using var articles = new ArticleWriter(c, tx);
        using var outbox = Sql.Prepare(c, tx, OutboxStore.EnqueueAlertSql);
        int stored = 0, rows = 0;
        foreach (var article in commit.Articles)
        {
            // Every article of a check comes from its feed, which is the key: null when the feed has it already, so no alert either.
            var record = article.Article.SourceId is null ? article.Article with { SourceId = commit.SourceId } : article.Article;
            if (articles.Insert(record, article.Figures, article.StorySeenAt, article.Topics) is not { } id) continue;
            stored++;
            foreach (var alert in article.Alerts)
            {
                var kind = Sql.Scalar(outbox, ("@Platform", alert.Target.Platform), ("@ChatId", alert.Target.ChatId), ("@ArticleId", id),
                    ("@SubscriptionId", alert.SubscriptionId), ("@Batch", alert.Batch), ("@StoryId", article.Article.StoryId), ("@now", commit.Outcome.CheckedAt));
                if (kind is not null) rows++;
            }
        }
        return (stored, rows);
    }

    private static async Task WriteOutcomeAsync(SqliteConnection c, SqliteTransaction tx, CheckCommit commit)
    {
        var now = commit.Outcome.CheckedAt;
        var nextCheck = commit.Outcome.NextCheckAt;
        var id = commit.SourceId;
        switch (commit.Outcome)
        {
            case SourceOutcome.Succeeded s:
                await c.ExecuteAsync(SourceStore.RecordSuccessSql, new
                {
                    id, etag = s.Etag, lastModified = s.LastModified, dripPosition = s.DripPosition, now, nextCheck,
                    skippedItems = s.SkippedItems, lastItemError = s.LastItemError,
                }, tx);
                break;
            case SourceOutcome.Failed f:
                await c.ExecuteAsync(SourceStore.RecordFailureSql, new
                {
                    id, error = f.Error, now, nextCheck, disable = f.Disable, notFound = f.NotFound, noticed = f.Notice is not null,
                }, tx);
                break;
        }
        if (commit.Outcome.Notice is { } notice)
            await c.ExecuteAsync(OutboxStore.EnqueueNoticeSql, new { topicId = commit.TopicId, notice, now }, tx);
        foreach (var other in commit.OtherNotices)
            await c.ExecuteAsync(OutboxStore.EnqueueNoticeSql, new { topicId = other.TopicId, notice = other.Notice, now }, tx);
    }

    public void Dispose() => _writer.Dispose();
}
