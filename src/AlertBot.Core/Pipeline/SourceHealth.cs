using AlertBot.Core.Feeds;
using AlertBot.Core.Feeds.Fetching;
using AlertBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertBot.Core.Pipeline;

/// <summary>
/// What a check's outcome does to its source beyond the articles: failures back off (doubling, capped, Retry-After
/// honoured) and keep their error; a permanent failure or repeated 404s disable the source; moderators hear once
/// when a source starts failing or is disabled and once when it recovers; a permanent redirect moves the source.
/// </summary>
public sealed class SourceHealth(
    SourceStore sources,
    SourceBackoff backoff,
    SourceHealthNotifier notifier,
    IOptions<FetchOptions> fetchOptions,
    ILogger<SourceHealth> logger)
{
    /// <summary>Records a failed check.</summary>
    /// <returns>The error as stored on the source.</returns>
    public async Task<string> FailedAsync(SourceRecord source, TopicRecord topic, FetchResult.Failed failed, DateTimeOffset now, CancellationToken ct)
    {
        var options = fetchOptions.Value;
        var failures = source.ErrorCount + 1;
        var notFound = failed.StatusCode == 404;
        var notFoundInARow = notFound ? source.NotFoundCount + 1 : 0;
        var disable = failed.Permanent || notFoundInARow >= options.NotFoundLimit;
        var error = notFound && disable ? $"{failed.Error}, {notFoundInARow} checks in a row" : failed.Error;
        var next = backoff.NextCheck(now, (int)Math.Min(failures, int.MaxValue), TimeSpan.FromSeconds(topic.CheckIntervalSeconds), failed.RetryAfter);
        logger.LogWarning("Check failed ({Failures} in a row, next {NextCheck}): {Error}", failures, next, error);
        await sources.RecordFailureAsync(source.Id, error, now, next, disable, notFound, ct);

        if (disable)
        {
            logger.LogWarning("Source disabled: {Error}", error);
            await notifier.DisabledAsync(topic, source.Url, error, ct);
            await sources.SetFailingNoticedAsync(source.Id, true, ct);
        }
        else if (!source.FailingNoticed && failures >= options.FailingNoticeAfter)
        {
            await notifier.FailingAsync(topic, source.Url, error, failures, next, ct);
            await sources.SetFailingNoticedAsync(source.Id, true, ct);
        }
        return error;
    }

    /// <summary>After a successful check has been recorded (which clears the error state): the recovery notice.</summary>
    public async Task SucceededAsync(SourceRecord before, TopicRecord topic, CancellationToken ct)
    {
        if (before.FailingNoticed) await notifier.RecoveredAsync(topic, before.Url, before.ErrorCount, ct);
    }

    /// <summary>A chain of permanent redirects (301/308) moves the source: later checks go straight to the new URL.</summary>
    public async Task FollowMoveAsync(SourceRecord source, bool movedPermanently, Uri? finalUrl, CancellationToken ct)
    {
        if (!movedPermanently || finalUrl is null || finalUrl.ToString() == source.Url) return;
        if (await sources.MoveAsync(source.Id, finalUrl.ToString(), ct))
            logger.LogInformation("Source moved permanently to {NewUrl}", finalUrl);
        else
            logger.LogWarning("Source moved permanently to {NewUrl}, which the topic already has; keeping the old URL", finalUrl);
    }
}
