using AlertBot.Core.Delivery;
using AlertBot.Core.Feeds;
using AlertBot.Core.Health;
using AlertBot.Core.Storage;
using AlertBot.Core.Stories;
using Microsoft.Extensions.Logging;

namespace AlertBot.Core.Pipeline;

/// <summary>
/// One check of one source: fetch → parse → select new items → enrich each (isolated) → stories → match → one commit
/// of articles, figures, outbox rows, notices and the source's fetch state. Every failure is recorded on the source;
/// none escapes to the caller (only cancellation does). Whether a source is due is the scheduler's business.
/// </summary>
public sealed class SourceChecker(
    SourceStore sources,
    TopicStore topics,
    ArticleStore articles,
    IngestStore ingest,
    IFeedFetcher fetcher,
    IArticleEnricher enricher,
    StoryStage stories,
    AlertRouter router,
    SourceHealth health,
    OutboxSignal signal,
    TimeProvider time,
    ILogger<SourceChecker> logger,
    BotMetrics? metrics = null,
    SourceClaims? claims = null)
{
    /// <param name="honourDrip">Reveal one more item per check on sources marked drip (the interactive demo).</param>
    public async Task<SourceCheckResult> CheckAsync(long sourceId, bool honourDrip, CancellationToken ct)
    {
        // Two processes never check one source at once: the second skips it (issue 16).
        await using var claim = claims is null ? null : await claims.TryClaimAsync(sourceId, ct);
        if (claims is not null && claim is null) return new SourceCheckResult(sourceId, 0, 0, null, Busy: true);
        var source = await sources.FindAsync(sourceId, ct);
        if (source is null || source.Disabled) return new SourceCheckResult(sourceId, 0, 0, source is null ? "unknown source" : "source is disabled");
        // A feed is fetched once for every topic that uses it, as often as the most frequent of them asks.
        var users = await topics.UsingSourceAsync(source.Id, ct);
        if (users.Count == 0) return new SourceCheckResult(sourceId, 0, 0, "no active topic uses this feed");
        var feed = new CheckedFeed(source, users.MinBy(t => t.CheckIntervalSeconds)!, users);

        using var scope = logger.BeginScope("Source {SourceId} {SourceUrl}", source.Id, source.Url);
        var now = time.GetUtcNow();
        try
        {
            return await RunAsync(feed, honourDrip && source.Drip, now, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Check failed");
            return await FailAsync(feed, new FetchResult.Failed($"check failed: {ex.Message}"), now, ct);
        }
    }

    private async Task<SourceCheckResult> RunAsync(CheckedFeed feed, bool drip, DateTimeOffset now, CancellationToken ct)
    {
        var (source, topic) = (feed.Source, feed.Primary);
        var fetched = await StageTimes.TimeAsync(PipelineStage.Fetch, () => fetcher.FetchAsync(new FetchRequest(new Uri(source.Url), source.Etag, source.LastModified), ct));
        metrics?.Checked(fetched);
        if (fetched is FetchResult.Failed failed) return await FailAsync(feed, failed, now, ct);
        if (fetched is FetchResult.NotModified notModified)
        {
            await health.FollowMoveAsync(source, notModified.MovedPermanently, notModified.FinalUrl, ct);
            await CommitAsync(feed, Succeeded(source, topic, now, source.Etag, source.LastModified, source.DripPosition), [], ct);
            return new SourceCheckResult(source.Id, 0, 0, null, NotModified: true, NextCheckAt: Next(topic, now));
        }

        var body = (FetchResult.Fetched)fetched;
        var parsed = StageTimes.Time(PipelineStage.Parse, () => FeedParser.Parse(body.Body, body.FinalUrl, body.ContentType));
        metrics?.ParseWarnings(parsed.Warnings.Count);
        if (parsed.Feed is null) return await FailAsync(feed, new FetchResult.Failed(parsed.Error ?? "not a feed"), now, ct);
        await health.FollowMoveAsync(source, body.MovedPermanently, body.FinalUrl, ct);

        var selection = await StageTimes.TimeAsync(PipelineStage.Select, () => SelectAsync(source, parsed.Feed.Items, drip, ct));
        var enriched = await StageTimes.TimeAsync(PipelineStage.Enrich, () => ItemEnrichment.EnrichAsync(selection.Items, enricher, logger, ct));
        // Reports are read outside the stories stage's turn; only assigning them takes turns with other checks. A failed
        // commit undoes the check's stories (the stage rebuilds from the database).
        var readings = enriched.Articles.Count == 0 ? [] : StageTimes.Time(PipelineStage.StoryRead, () => ItemStories.Read(stories, enriched.Articles, now));
        using var storyTurn = enriched.Articles.Count == 0 ? null : await StageTimes.TimeAsync(PipelineStage.Stories, () => stories.BeginAsync(readings.Count, ct));
        var joined = storyTurn is null ? enriched.Articles : StageTimes.Time(PipelineStage.Stories, () => ItemStories.Assign(storyTurn, enriched.Articles, readings));
        storyTurn?.Assigned();
        var (members, alerts) = await StageTimes.TimeAsync(PipelineStage.Match,
            () => router.PlanForTopicsAsync(feed.Users, joined, $"source-{source.Id}-{now.ToUnixTimeMilliseconds()}", ct));

        var outcome = Succeeded(source, topic, now, body.ETag, body.LastModified, selection.DripPosition ?? source.DripPosition) with
        {
            SkippedItems = enriched.Skipped,
            LastItemError = enriched.LastError,
        };
        var (stored, queued) = await CommitAsync(feed, outcome, joined.Select((a, i) => ToNewArticle(source, a, alerts[i], members[i], now)).ToList(), ct);
        storyTurn?.Committed();
        if (stored > 0) logger.LogInformation("Stored {Count} new articles, {Alerts} alerts queued", stored, queued);
        metrics?.Stored(stored, queued > 0 ? alerts : []);
        return new SourceCheckResult(source.Id, stored, queued, null, NextCheckAt: outcome.NextCheckAt, SkippedItems: enriched.Skipped);
    }

    private async Task<ItemSelectionResult> SelectAsync(SourceRecord source, IReadOnlyList<FeedItem> items, bool drip, CancellationToken ct)
    {
        var known = await articles.KnownIdentitiesAsync(source.Id, items.Select(ArticleIdentity.Of).Distinct().ToList(), ct);
        return ItemSelection.Select(items, known, firstCheck: source.LastSuccessAt is null, drip ? source.DripPosition : null);
    }

    private async Task<(int Stored, int Alerts)> CommitAsync(CheckedFeed feed, SourceOutcome outcome, IReadOnlyList<NewArticle> stored, CancellationToken ct)
    {
        var commit = new CheckCommit(feed.Source.Id, feed.Primary.Id, outcome, stored)
        {
            OtherNotices = SourceNotices.ForOtherTopics(feed.Source, outcome, feed.Users.Where(t => t.Id != feed.Primary.Id)),
        };
        var result = await StageTimes.TimeAsync(PipelineStage.Commit, () => ingest.CommitAsync(commit, ct));
        if (result.Alerts > 0 || outcome.Notice is not null) signal.Notify();
        return result;
    }

    private async Task<SourceCheckResult> FailAsync(CheckedFeed feed, FetchResult.Failed failed, DateTimeOffset now, CancellationToken ct)
    {
        var outcome = health.Failed(feed.Source, feed.Primary, failed, now);
        try
        {
            await CommitAsync(feed, outcome, [], ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Even the failure could not be written (the database is unavailable): the next run tries again.
            logger.LogError(ex, "Could not record the failed check");
        }
        return new SourceCheckResult(feed.Source.Id, 0, 0, outcome.Error, NextCheckAt: outcome.Disable ? null : outcome.NextCheckAt);
    }

    private static SourceOutcome.Succeeded Succeeded(SourceRecord source, TopicRecord topic, DateTimeOffset now, string? etag, string? lastModified, long dripPosition) =>
        new(now, Next(topic, now), etag, lastModified, dripPosition, Notice: SourceHealth.RecoveryNotice(source, topic));

    private static DateTimeOffset Next(TopicRecord topic, DateTimeOffset now) => now + TimeSpan.FromSeconds(topic.CheckIntervalSeconds);

    private static NewArticle ToNewArticle(SourceRecord source, EnrichedArticle a, IReadOnlyList<PlannedAlert> alerts, IReadOnlyList<string> topics, DateTimeOffset now) =>
        new(new ArticleRecord
        {
            TopicId = source.TopicId,
            SourceId = source.Id,
            Identity = a.Item.Identity,
            Title = a.Processed.Title,
            Link = a.Item.Item.Link,
            Outlet = OutletOf(a.Item.Item.Link),
            PublishedAt = a.Item.Item.Published,
            FetchedAt = now,
            Text = a.Processed.Text,
            Summary = a.Processed.Summary,
            StoryId = a.StoryId,
            ImageUrl = a.Item.Item.ImageUrl,
        }, a.Processed.Figures, alerts, StoryStage.ClusteringTime(a.Item.Item.Published, now)) { Topics = topics };

    internal static string? OutletOf(string? link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Host.Length > 0
            ? (uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host).ToLowerInvariant()
            : null;

    /// <param name="Primary">The most frequently checked topic: its interval paces the feed and its name goes in its notices.</param>
    /// <param name="Users">Every active topic that uses the feed.</param>
    private sealed record CheckedFeed(SourceRecord Source, TopicRecord Primary, IReadOnlyList<TopicRecord> Users);
}
