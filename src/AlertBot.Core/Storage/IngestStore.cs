namespace AlertBot.Core.Storage;

/// <summary>
/// The write side of a check: its new articles with their figures, their outbox rows, the moderators' notice and the
/// source's fetch state are written together or not at all. Checks that commit at the same time share one transaction
/// (<see cref="Database.Writer"/>); when one of them fails, each is written again alone, so one check's failure undoes
/// only that check and reaches only its caller. A crash before the commit leaves nothing behind, so the next check sees
/// the same items as new and stores and alerts them exactly once.
/// </summary>
public sealed class IngestStore(Database db)
{

    /// <returns>How many articles were new and how many outbox rows were written (alerts, and edits of alerts already sent for a story).</returns>
    public Task<(int Stored, int Alerts)> CommitAsync(CheckCommit commit, CancellationToken ct = default) =>
        db.Writer.SubmitAsync(statements => Write(statements, commit), commit.Articles.Count, ct);

    private static (int Stored, int Alerts) Write(Statements statements, CheckCommit commit)
    {
        var result = WriteArticles(statements, commit);
        WriteOutcome(statements, commit);
        return result;
    }

    private static (int Stored, int Alerts) WriteArticles(Statements statements, CheckCommit commit)
    {
        if (commit.Articles.Count == 0) return (0, 0);
        var articles = new ArticleWriter(statements);
        var outbox = new AlertRows(statements);
        int stored = 0, rows = 0;
        foreach (var article in commit.Articles)
        {
            // Every article of a check comes from its feed, which is the key: null when the feed has it already, so no alert either.
            var record = article.Article.SourceId is null ? article.Article with { SourceId = commit.SourceId } : article.Article;
            if (articles.Insert(record, article.Figures, article.StorySeenAt, article.Topics) is not { } id) continue;
            stored++;
            foreach (var alert in article.Alerts)
                rows += outbox.Add(alert.Target, id, alert.SubscriptionId, alert.Batch, article.Article.StoryId, commit.Outcome.CheckedAt);
        }
        return (stored, rows);
    }

    private static void WriteOutcome(Statements statements, CheckCommit commit)
    {
        var now = commit.Outcome.CheckedAt;
        var nextCheck = commit.Outcome.NextCheckAt;
        var id = commit.SourceId;
        switch (commit.Outcome)
        {
            case SourceOutcome.Succeeded s:
                statements.Get(SourceStore.RecordSuccessSql).Execute(("@etag", s.Etag), ("@lastModified", s.LastModified), ("@dripPosition", s.DripPosition),
                    ("@now", now), ("@nextCheck", nextCheck), ("@skippedItems", s.SkippedItems), ("@lastItemError", s.LastItemError), ("@id", id));
                break;
            case SourceOutcome.Failed f:
                statements.Get(SourceStore.RecordFailureSql).Execute(("@now", now), ("@nextCheck", nextCheck), ("@error", f.Error),
                    ("@disable", f.Disable), ("@notFound", f.NotFound), ("@noticed", f.Notice is not null), ("@id", id));
                break;
        }
        if (commit.Outcome.Notice is { } notice) EnqueueNotice(statements, commit.TopicId, notice, now);
        foreach (var other in commit.OtherNotices) EnqueueNotice(statements, other.TopicId, other.Notice, now);
    }

    private static void EnqueueNotice(Statements statements, string topicId, string notice, DateTimeOffset now) =>
        statements.Get(OutboxStore.EnqueueNoticeSql).Execute(("@topicId", topicId), ("@notice", notice), ("@now", now));
}
