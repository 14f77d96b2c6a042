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
    IOptions<FetchOptions> fetchOptions,
    ILogger<SourceHealth> logger)
{
    /// <summary>The source state a failed check writes, with the notice it calls for.</summary>
    public SourceOutcome.Failed Failed(SourceRecord source, TopicRecord topic, FetchResult.Failed failed, DateTimeOffset now)
    {
        var options = fetchOptions.Value;
        var failures = source.ErrorCount + 1;
        var notFound = failed.StatusCode == 404;
        var notFoundInARow = notFound ? source.NotFoundCount + 1 : 0;
        var disable = failed.Permanent || notFoundInARow >= options.NotFoundLimit;
        var error = notFound && disable ? $"{failed.Error}, {notFoundInARow} checks in a row" : failed.Error;
        var next = backoff.NextCheck(now, (int)Math.Min(failures, int.MaxValue), TimeSpan.FromSeconds(topic.CheckIntervalSeconds), failed.RetryAfter);
        logger.LogWarning("Check failed ({Failures} in a row, next {NextCheck}): {Error}", failures, next, error);

        string? notice = null;
        if (disable)
        {
            logger.LogWarning("Source disabled: {Error}", error);
            notice = SourceNotices.Disabled(topic, source.Url, error);
        }
        else if (!source.FailingNoticed && failures >= options.FailingNoticeAfter)
        {
            notice = SourceNotices.Failing(topic, source.Url, error, failures, next);
        }
        return new SourceOutcome.Failed(now, next, error, disable, notFound, notice);
    }

    /// <summary>The notice a successful check calls for: a recovery, when moderators were told the source was failing.</summary>
    public static string? RecoveryNotice(SourceRecord before, TopicRecord topic) =>
        before.FailingNoticed ? SourceNotices.Recovered(topic, before.Url, before.ErrorCount) : null;

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
