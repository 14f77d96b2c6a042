using System.Collections.Concurrent;

namespace AlertBot.Core.Feeds.Fetching;

/// <summary>
/// Caps requests in flight per host name, so a hundred sources on one site never hit it a hundred at a time.
/// One instance per process (register as a singleton): the cap is only real if every fetch shares it.
/// </summary>
public sealed class HostConcurrencyLimiter(int maxPerHost)
{
    // One small gate per host ever seen; the number of hosts is bounded by the number of sources.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.OrdinalIgnoreCase);

    public int MaxPerHost => maxPerHost;

    public async ValueTask<Lease> AcquireAsync(string host, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(host, static (_, max) => new SemaphoreSlim(max, max), maxPerHost);
        await gate.WaitAsync(cancellationToken);
        return new Lease(gate);
    }

    /// <summary>Releases the host's slot when disposed.</summary>
    public readonly struct Lease(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
