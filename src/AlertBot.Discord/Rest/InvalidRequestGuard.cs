namespace AlertBot.Discord.Rest;

/// <summary>
/// Counts 401/403/429 responses in a sliding 10-minute window. Discord (Cloudflare) bans an IP at 10,000; we stop
/// sending long before that, so a bug that loops on a forbidden channel cannot take the whole bot offline.
/// </summary>
internal sealed class InvalidRequestGuard(TimeProvider time, int limit)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _hits = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                Expire(time.GetUtcNow());
                return _hits.Count;
            }
        }
    }

    public void Record()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            Expire(now);
            _hits.Enqueue(now);
        }
    }

    /// <summary>Zero when requests may go; otherwise how long until the oldest counted response leaves the window.</summary>
    public TimeSpan BlockedFor()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            Expire(now);
            return _hits.Count < limit ? TimeSpan.Zero : _hits.Peek() + Window - now;
        }
    }

    private void Expire(DateTimeOffset now)
    {
        while (_hits.Count > 0 && now - _hits.Peek() >= Window)
        {
            _hits.Dequeue();
        }
    }
}
