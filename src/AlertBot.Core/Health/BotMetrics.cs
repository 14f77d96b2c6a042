using AlertBot.Core.Feeds;
using AlertBot.Core.Storage;
using Prometheus;

namespace AlertBot.Core.Health;

/// <summary>
/// Every figure the bot exports in Prometheus format, in one registry per host (so two hosts in one
/// process, as in tests, never count into each other). Stages call one method per event; the HTTP
/// endpoint serves <see cref="Registry"/> at /metrics.
/// </summary>
public sealed class BotMetrics
{
    private static readonly double[] LatencyBuckets = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600];
    private static readonly double[] MatcherBuckets = Histogram.ExponentialBuckets(0.000_01, 4, 10);

    private readonly Counter _feedsChecked;
    private readonly Counter _fetches;
    private readonly Counter _parseWarnings;
    private readonly Counter _articlesStored;
    private readonly Counter _alertsQueued;
    private readonly Counter _alertsSent;
    private readonly Counter _alertsFailed;
    private readonly Histogram _deliveryLatency;
    private readonly Histogram _matcherSeconds;
    private readonly Counter _commands;
    private readonly Counter _rateLimitWaits;

    public BotMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        var f = Metrics.WithCustomRegistry(Registry);
        _feedsChecked = f.CreateCounter("alertbot_feeds_checked_total", "Source checks run.");
        _fetches = f.CreateCounter("alertbot_fetches_total", "Feed fetch outcomes: 200, 304, error, refused (address guard or scheme).", "outcome");
        _parseWarnings = f.CreateCounter("alertbot_parse_warnings_total", "Warnings while parsing feeds (recovered markup, doubtful encoding).");
        _articlesStored = f.CreateCounter("alertbot_articles_stored_total", "New articles stored.");
        _alertsQueued = f.CreateCounter("alertbot_alerts_queued_total", "Outbox rows written.", "platform");
        _alertsSent = f.CreateCounter("alertbot_alerts_sent_total", "Outbox rows the platform accepted.", "platform");
        _alertsFailed = f.CreateCounter("alertbot_alerts_failed_total", "Outbox rows given up on (rejected, target gone, attempts used up).", "platform");
        _deliveryLatency = f.CreateHistogram("alertbot_delivery_latency_seconds", "From the article being fetched to the platform accepting its alert.",
            ["platform"], new HistogramConfiguration { Buckets = LatencyBuckets });
        _matcherSeconds = f.CreateHistogram("alertbot_matcher_seconds", "Time to match one article against the subscription index.",
            new HistogramConfiguration { Buckets = MatcherBuckets });
        _commands = f.CreateCounter("alertbot_commands_total", "Chat commands handled.", "command", "outcome");
        _rateLimitWaits = f.CreateCounter("alertbot_platform_rate_limit_waits_total", "Times a platform said to slow down (HTTP 429) and the bot waited.", "platform");
        OutboxPending = f.CreateGauge("alertbot_outbox_pending", "Outbox rows waiting to be sent.");
        OutboxOldestPendingSeconds = f.CreateGauge("alertbot_outbox_oldest_pending_seconds", "Age of the oldest row waiting to be sent (0 when none).");
    }

    public CollectorRegistry Registry { get; }

    /// <summary>Set just before each scrape (see <see cref="OutboxGauges"/>).</summary>
    public Gauge OutboxPending { get; }

    public Gauge OutboxOldestPendingSeconds { get; }

    /// <summary>One source check got this answer from its fetch.</summary>
    public void Checked(FetchResult fetched)
    {
        _feedsChecked.Inc();
        Fetched(fetched);
    }

    private void Fetched(FetchResult result) => _fetches.WithLabels(result switch
    {
        FetchResult.Fetched => "200",
        FetchResult.NotModified => "304",
        // Refused before any request: an internal address not allow-listed, or a scheme that is not http(s).
        FetchResult.Failed { StatusCode: null, Permanent: true } => "refused",
        _ => "error",
    }).Inc();

    public void ParseWarnings(int count) => _parseWarnings.Inc(count);

    /// <summary>A check committed its new articles and the alerts planned for them (one list per article).</summary>
    public void Stored(int articles, IReadOnlyList<IReadOnlyList<PlannedAlert>> alerts)
    {
        _articlesStored.Inc(articles);
        foreach (var platform in alerts.SelectMany(a => a).GroupBy(a => a.Target.Platform, StringComparer.Ordinal))
            _alertsQueued.WithLabels(platform.Key).Inc(platform.Count());
    }

    public void AlertsSent(string platform, int count = 1) => _alertsSent.WithLabels(platform).Inc(count);

    public void DeliveryLatency(string platform, TimeSpan sinceFetched) =>
        _deliveryLatency.WithLabels(platform).Observe(Math.Max(0, sinceFetched.TotalSeconds));

    public void AlertFailed(string platform, int count = 1) => _alertsFailed.WithLabels(platform).Inc(count);

    public void Matched(TimeSpan elapsed) => _matcherSeconds.Observe(elapsed.TotalSeconds);

    /// <param name="outcome">"ok" or "error".</param>
    public void Command(string name, string outcome) => _commands.WithLabels(name, outcome).Inc();

    public void RateLimitWait(string platform) => _rateLimitWaits.WithLabels(platform).Inc();
}
