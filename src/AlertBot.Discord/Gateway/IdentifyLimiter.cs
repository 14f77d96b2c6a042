namespace AlertBot.Discord.Gateway;

/// <summary>
/// Identifies are scarce (1000 a day; going over resets the token) and limited to max_concurrency per 5 s.
/// This tracks <c>session_start_limit</c> from GET /gateway/bot and spaces this shard's identifies.
/// </summary>
internal sealed class IdentifyLimiter(TimeProvider time, TimeSpan window)
{
    private readonly Lock _lock = new();
    private int? _remaining;
    private DateTimeOffset _resetAt;
    private int _maxConcurrency = 1;
    private DateTimeOffset _lastIdentify = DateTimeOffset.MinValue;

    public int? Remaining
    {
        get
        {
            lock (_lock)
            {
                return _remaining;
            }
        }
    }

    public void Update(int remaining, TimeSpan resetAfter, int maxConcurrency)
    {
        lock (_lock)
        {
            _remaining = remaining;
            _resetAt = time.GetUtcNow() + resetAfter;
            _maxConcurrency = Math.Max(1, maxConcurrency);
        }
    }

    /// <summary>How long to wait before the next identify may be sent.</summary>
    public TimeSpan Delay()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (_remaining is <= 0 && now < _resetAt)
            {
                return _resetAt - now;
            }

            // One process runs one shard, so its own identifies need only be a window apart; max_concurrency
            // buckets (shard_id % max_concurrency) let other shards identify in parallel.
            var next = _lastIdentify + window;
            return next > now ? next - now : TimeSpan.Zero;
        }
    }

    public void Identified()
    {
        lock (_lock)
        {
            _lastIdentify = time.GetUtcNow();
            if (_remaining is not null)
            {
                _remaining--;
            }
        }
    }

    public int MaxConcurrency
    {
        get
        {
            lock (_lock)
            {
                return _maxConcurrency;
            }
        }
    }
}
