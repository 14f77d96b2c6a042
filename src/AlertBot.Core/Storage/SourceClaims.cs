using Microsoft.Extensions.Options;

namespace AlertBot.Core.Storage;

/// <summary>
/// Makes one check of a source exclusive across processes on one database: <c>once</c> from cron while
/// <c>run</c> is up, or several instances, never fetch and store one feed at the same moment.
/// </summary>
public sealed class SourceClaims(SourceStore sources, ClaimOwner owner, IOptions<StorageOptions> options, TimeProvider time)
{
    /// <returns>The claim, released when disposed; null when another process is checking the source.</returns>
    public async Task<IAsyncDisposable?> TryClaimAsync(long sourceId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var until = now + TimeSpan.FromSeconds(options.Value.CheckLeaseSeconds);
        return await sources.TryClaimAsync(sourceId, owner.Id, now, until, ct) ? new Claim(sources, sourceId, owner.Id) : null;
    }

    private sealed class Claim(SourceStore sources, long sourceId, string owner) : IAsyncDisposable
    {
        // Released even when the check was cancelled: a claim left behind would block the source for a whole lease.
        public async ValueTask DisposeAsync() => await sources.ReleaseClaimAsync(sourceId, owner, CancellationToken.None);
    }
}
