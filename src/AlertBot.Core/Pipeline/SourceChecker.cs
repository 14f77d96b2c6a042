using AlertBot.Core.Feeds;
using AlertBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace AlertBot.Core.Pipeline;

/// <summary>
/// One check of one source: fetch, parse, clean and enrich new items, store each once, match it and
/// write outbox rows. Failures are recorded on the source; they never escape to the scheduler.
/// </summary>
public sealed class SourceChecker(
    SourceStore sources,
    TopicStore topics,
    ArticleStore articles,
    IFeedFetcher fetcher,
    ArticleProcessor processor,
    AlertRouter router,
    SourceHealth health,
    TimeProvider time,
    ILogger<SourceChecker> logger,
    SourceClaims? claims = null)
{
    /// <param name="honourDrip">Reveal one more item per check on sources marked drip (the interactive demo).</param>
    /// <param name="onlyWhenDue">Scheduled runs pass true: a source backing off skips the runs before its next check.</param>
    public async Task<SourceCheckResult> CheckAsync(long sourceId, bool honourDrip, CancellationToken ct, bool onlyWhenDue = false)
    {
        // Two processes never check one source at once: the second skips it (issue 16).
        await using var claim = claims is null ? null : await claims.TryClaimAsync(sourceId, ct);
        if (claims is not null && claim is null) return new SourceCheckResult(sourceId, 0, 0, null, Busy: true);
        var source = await sources.FindAsync(sourceId, ct);
        if (source is null || source.Disabled) return new SourceCheckResult(sourceId, 0, 0, source is null ? "unknown source" : "source is disabled");
        var topic = await topics.FindAsync(source.TopicId, ct);
        if (topic is null) return new SourceCheckResult(sourceId, 0, 0, "unknown topic");

        using var scope = logger.BeginScope("Source {SourceId} {SourceUrl}", source.Id, source.Url);
        var now = time.GetUtcNow();
        var interval = TimeSpan.FromSeconds(topic.CheckIntervalSeconds);
        // The trigger fires every interval; half an interval of slack keeps a run that fires a moment early from
        // skipping a healthy source, while a backing-off source (next check ≥ 2 intervals out) waits its turn.
        if (onlyWhenDue && source.NextCheckAt is { } due && due - now > interval / 2)
            return new SourceCheckResult(source.Id, 0, 0, null, NotDue: true);
        var next = now + interval;
        var fetched = await fetcher.FetchAsync(new FetchRequest(new Uri(source.Url), source.Etag, source.LastModified), ct);
        switch (fetched)
        {
            case FetchResult.NotModified notModified:
                await health.FollowMoveAsync(source, notModified.MovedPermanently, notModified.FinalUrl, ct);
                await sources.RecordSuccessAsync(source.Id, source.Etag, source.LastModified, source.DripPosition, now, next, ct);
                await health.SucceededAsync(source, topic, ct);
                return new SourceCheckResult(source.Id, 0, 0, null, NotModified: true);
            case FetchResult.Failed failed:
                return await FailAsync(source, topic, failed, now, ct);
        }

        var body = (FetchResult.Fetched)fetched;
        var parsed = FeedParser.Parse(body.Body, body.FinalUrl, body.ContentType);
        if (parsed.Feed is null) return await FailAsync(source, topic, new FetchResult.Failed(parsed.Error ?? "not a feed"), now, ct);
        await health.FollowMoveAsync(source, body.MovedPermanently, body.FinalUrl, ct);

        // Oldest first, so alerts arrive in the order things happened.
        var items = parsed.Feed.Items.Select((item, index) => (item, index))
            .OrderBy(x => x.item.Published ?? DateTimeOffset.MaxValue).ThenByDescending(x => x.index)
            .Select(x => x.item).ToList();
        var dripPosition = source.DripPosition;
        if (honourDrip && source.Drip)
        {
            dripPosition = Math.Min(items.Count, dripPosition + 1);
            items = items.Take((int)dripPosition).ToList();
        }

        var (stored, alerts) = await StoreNewAsync(source, topic, items, now, ct);
        await sources.RecordSuccessAsync(source.Id, body.ETag, body.LastModified, dripPosition, now, next, ct);
        await health.SucceededAsync(source, topic, ct);
        if (stored > 0) logger.LogInformation("Stored {Count} new articles, {Alerts} alerts queued", stored, alerts);
        return new SourceCheckResult(source.Id, stored, alerts, null);
    }

    private async Task<(int Stored, int Alerts)> StoreNewAsync(SourceRecord source, TopicRecord topic, List<FeedItem> items, DateTimeOffset now, CancellationToken ct)
    {
        var identities = items.Select(ArticleIdentity.Of).ToList();
        var known = await articles.KnownIdentitiesAsync(topic.Id, identities.Distinct().ToList(), ct);
        var fresh = items.Zip(identities).Where(x => !known.Contains(x.Second)).DistinctBy(x => x.Second).ToList();

        // The first check of a new source takes its backlog as already seen, except the newest item.
        var firstCheck = source.LastSuccessAt is null;
        var stored = 0;
        var matches = new List<OutboxEntry>();
        var routed = new List<long>();

        // Articles a previous check stored but did not get to match (it crashed or was stopped) are matched now.
        foreach (var pending in await articles.UnroutedAsync(source.Id, ct))
        {
            matches.AddRange(await router.MatchAsync(topic, pending.Id, pending.Title, pending.Text, ct));
            routed.Add(pending.Id);
        }

        for (var i = 0; i < fresh.Count; i++)
        {
            var (item, identity) = fresh[i];
            var processed = await processor.ProcessAsync(item, ct);
            var alert = !firstCheck || i == fresh.Count - 1;
            var id = await articles.InsertAsync(new ArticleRecord
            {
                TopicId = topic.Id,
                SourceId = source.Id,
                Identity = identity,
                Title = processed.Title,
                Link = item.Link,
                Outlet = OutletOf(item.Link),
                PublishedAt = item.Published,
                FetchedAt = now,
                Text = processed.Text,
                Summary = processed.Summary,
                Routed = !alert,
            }, processed.Figures, ct);
            if (id is null) continue;
            stored++;
            if (!alert) continue;
            matches.AddRange(await router.MatchAsync(topic, id.Value, processed.Title, processed.Text, ct));
            routed.Add(id.Value);
        }
        var alerts = await router.EnqueueAsync(matches, $"source-{source.Id}-{now.ToUnixTimeMilliseconds()}", ct);
        await articles.MarkRoutedAsync(routed, ct);
        return (stored, alerts);
    }

    private async Task<SourceCheckResult> FailAsync(SourceRecord source, TopicRecord topic, FetchResult.Failed failed, DateTimeOffset now, CancellationToken ct) =>
        new(source.Id, 0, 0, await health.FailedAsync(source, topic, failed, now, ct));

    internal static string? OutletOf(string? link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Host.Length > 0
            ? (uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host).ToLowerInvariant()
            : null;
}
