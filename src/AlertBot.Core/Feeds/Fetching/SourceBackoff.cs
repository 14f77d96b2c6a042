namespace AlertBot.Core.Feeds.Fetching;

/// <summary>
/// When to check a failing source next: the regular interval doubled per consecutive failure, capped (default
/// 6 h), and never earlier than the server's Retry-After (itself capped, default 24 h). Pure: no clock, no state.
/// </summary>
public sealed class SourceBackoff(TimeSpan maxBackoff, TimeSpan maxRetryAfter)
{
    public SourceBackoff() : this(TimeSpan.FromHours(6), TimeSpan.FromHours(24)) { }

    public static SourceBackoff From(FetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.MaxBackoff, options.MaxRetryAfter);
    }

    public TimeSpan MaxBackoff => maxBackoff;

    /// <summary>
    /// Wait before the next check. <paramref name="consecutiveFailures"/> counts the failure just seen, so the first
    /// failure waits 2× the interval, the second 4×, and so on; zero failures means the regular interval.
    /// </summary>
    public TimeSpan Delay(int consecutiveFailures, TimeSpan interval, TimeSpan? retryAfter = null)
    {
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), interval, "The check interval must be positive.");
        var delay = interval;
        if (consecutiveFailures > 0)
        {
            // Doubling in floating point cannot overflow; 2^62 intervals is past any cap anyway.
            var factor = Math.Pow(2, Math.Min(consecutiveFailures, 62));
            var ticks = interval.Ticks * factor;
            delay = ticks >= maxBackoff.Ticks ? maxBackoff : TimeSpan.FromTicks((long)ticks);
            if (delay < interval) delay = interval; // a cap below the interval never speeds a source up
        }
        if (retryAfter is { } asked)
        {
            var honoured = asked > maxRetryAfter ? maxRetryAfter : asked;
            if (honoured > delay) delay = honoured;
        }
        return delay;
    }

    public DateTimeOffset NextCheck(DateTimeOffset now, int consecutiveFailures, TimeSpan interval, TimeSpan? retryAfter = null) =>
        now + Delay(consecutiveFailures, interval, retryAfter);
}
