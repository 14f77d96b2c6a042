namespace AlertBot.Discord.Rest;

/// <summary>
/// Bucket bookkeeping from <c>X-RateLimit-*</c> headers. Pure state + time: no I/O, so it can be unit tested.
/// A route's state is keyed by its bucket hash once Discord has told us the hash (routes sharing a hash share a
/// limit), always together with the major parameter. Unknown buckets are not limited here; the client keeps one
/// request per route in flight until headers arrive.
/// </summary>
internal sealed class RateLimitBuckets(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _hashByRoute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BucketState> _states = new(StringComparer.Ordinal);
    private DateTimeOffset _globalResetAt = DateTimeOffset.MinValue;
    private DateTimeOffset _globalWindowStart = DateTimeOffset.MinValue;
    private int _globalWindowCount;

    /// <summary>Requests per second across the bot (Discord: 50), for routes that are not exempt.</summary>
    public int GlobalPerSecond { get; init; } = 50;

    /// <summary>
    /// How long to wait before <paramref name="key"/> may be sent. <see cref="TimeSpan.Zero"/> means go, and then
    /// the request is counted (a known bucket's remaining is reserved, the global window is charged).
    /// </summary>
    public TimeSpan TryAcquire(RouteKey key, bool exemptFromGlobal)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (!exemptFromGlobal)
            {
                if (now < _globalResetAt)
                {
                    return _globalResetAt - now;
                }

                if (now - _globalWindowStart >= TimeSpan.FromSeconds(1))
                {
                    _globalWindowStart = now;
                    _globalWindowCount = 0;
                }

                if (_globalWindowCount >= GlobalPerSecond)
                {
                    return _globalWindowStart + TimeSpan.FromSeconds(1) - now;
                }
            }

            if (_states.TryGetValue(StateId(key), out var state))
            {
                if (now >= state.ResetAt)
                {
                    _states.Remove(StateId(key));
                }
                else if (state.Remaining <= 0)
                {
                    return state.ResetAt - now;
                }
                else
                {
                    state.Remaining--;
                }
            }

            if (!exemptFromGlobal)
            {
                _globalWindowCount++;
            }

            return TimeSpan.Zero;
        }
    }

    /// <summary>Records what the response headers said about the bucket.</summary>
    public void Update(RouteKey key, string? bucketHash, int? remaining, double? resetAfterSeconds)
    {
        lock (_lock)
        {
            if (!string.IsNullOrEmpty(bucketHash))
            {
                _hashByRoute[key.Route] = bucketHash;
            }

            if (remaining is null || resetAfterSeconds is null)
            {
                return;
            }

            _states[StateId(key)] = new BucketState
            {
                Remaining = remaining.Value,
                ResetAt = time.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(0, resetAfterSeconds.Value)),
            };
        }
    }

    /// <summary>A per-bucket 429: nothing more on this bucket until <paramref name="retryAfter"/> has passed.</summary>
    public void OnBucketLimited(RouteKey key, TimeSpan retryAfter)
    {
        lock (_lock)
        {
            _states[StateId(key)] = new BucketState { Remaining = 0, ResetAt = time.GetUtcNow() + retryAfter };
        }
    }

    /// <summary>A global 429: every non-exempt request waits.</summary>
    public void OnGlobalLimited(TimeSpan retryAfter)
    {
        lock (_lock)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (until > _globalResetAt)
            {
                _globalResetAt = until;
            }
        }
    }

    /// <summary>Until when a global 429 holds every non-exempt request back (MinValue when it never happened).</summary>
    public DateTimeOffset GlobalLimitedUntil
    {
        get
        {
            lock (_lock)
            {
                return _globalResetAt;
            }
        }
    }

    /// <summary>The bucket a route is known to share, or null before the first response.</summary>
    public string? BucketOf(RouteKey key)
    {
        lock (_lock)
        {
            return _hashByRoute.GetValueOrDefault(key.Route);
        }
    }

    private string StateId(RouteKey key) =>
        (_hashByRoute.TryGetValue(key.Route, out var hash) ? hash : key.Route) + ":" + key.Major;

    private sealed class BucketState
    {
        public int Remaining { get; set; }
        public DateTimeOffset ResetAt { get; init; }
    }
}
