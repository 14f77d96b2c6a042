using AlertBot.Core.Feeds.Fetching;
using Microsoft.Extensions.Options;

namespace AlertBot.Core.Pipeline;

/// <summary>
/// Checks many sources at once, at most <see cref="FetchOptions.MaxConcurrentChecks"/> at a time (the fetcher's
/// per-host limit still holds inside that). What <c>alertbot once</c> and the ingest benchmark run.
/// </summary>
public sealed class SourceCheckRunner(SourceChecker checker, IOptions<FetchOptions> options)
{
    /// <returns>One result per source, in the order given.</returns>
    public async Task<IReadOnlyList<SourceCheckResult>> CheckAllAsync(IReadOnlyList<long> sourceIds, bool honourDrip, CancellationToken ct)
    {
        var results = new SourceCheckResult[sourceIds.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrentChecks, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, sourceIds.Count), parallel, async (i, token) =>
            results[i] = await checker.CheckAsync(sourceIds[i], honourDrip, token));
        return results;
    }
}
