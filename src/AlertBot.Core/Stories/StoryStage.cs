using AlertBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertBot.Core.Stories;

/// <summary>
/// The stories stage of a check: one <see cref="StoryClusterer"/> for the whole process, rebuilt from the database's
/// active window the first time it is needed. A check takes it with <see cref="BeginAsync"/>, assigns its new articles
/// and keeps it until its commit is done: checks take turns (the commit queues them anyway), so no check sees
/// another's stories before they are stored. A check whose commit fails drops the clusterer, and the next check
/// rebuilds it from what was stored, so no phantom story outlives a failed commit.
/// </summary>
public sealed class StoryStage(StoryStore store, IOptions<StoryOptions> options, TimeProvider time, ILogger<StoryStage> logger) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private StoryClusterer? _clusterer;

    /// <summary>Waits for the stage, rebuilding it first when needed. Dispose the batch when the commit is done.</summary>
    public async Task<StoryBatch> BeginAsync(CancellationToken ct)
    {
        await _turn.WaitAsync(ct);
        try
        {
            _clusterer ??= await RestoreAsync(ct);
            return new StoryBatch(this, _clusterer);
        }
        catch
        {
            _turn.Release();
            throw;
        }
    }

    internal void End(bool keep)
    {
        if (!keep) _clusterer = null;
        _turn.Release();
    }

    /// <summary>When a report counts for the window: its publication date, unless it has none or claims a time still to come.</summary>
    public static DateTimeOffset ClusteringTime(DateTimeOffset? published, DateTimeOffset fetched) =>
        published is { } p && p < fetched ? p : fetched;

    private async Task<StoryClusterer> RestoreAsync(CancellationToken ct)
    {
        var o = options.Value;
        var reports = await store.WindowReportsAsync(time.GetUtcNow() - o.Window, ct);
        var clusterer = new StoryClusterer(o, await store.NextIdAsync(ct));
        foreach (var r in reports)
        {
            clusterer.Restore(new StoryArticle(r.ArticleId.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Title, r.Text,
                ClusteringTime(r.PublishedAt, r.FetchedAt), r.Outlet, r.Link), r.StoryId);
        }
        logger.LogInformation("Stories restored: {Reports} reports in {Stories} active stories", reports.Count, clusterer.ActiveStories);
        return clusterer;
    }

    public void Dispose() => _turn.Dispose();
}
