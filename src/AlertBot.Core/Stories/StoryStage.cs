using AlertBot.Core.Storage;
using AlertBot.Core.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertBot.Core.Stories;

/// <summary>
/// The stories stage of a check: one <see cref="StoryClusterer"/> for the whole process, rebuilt from the database's
/// active window the first time it is needed. Checks read their reports in parallel (<see cref="Read"/>), then take
/// turns only to assign them (<see cref="BeginAsync"/> until <see cref="StoryBatch.Assigned"/>); routing and committing
/// run outside the turn. A check whose commit fails marks the clusterer stale: the next check waits until every check
/// still routing or committing is done, then rebuilds it from what was stored, so no phantom story outlives a failed
/// commit. New stories take their ids from blocks the database hands out (<see cref="StoryStore.ReserveIdsAsync"/>),
/// so two processes never give two events one number.
/// </summary>
public sealed class StoryStage(StoryStore store, IOptions<StoryOptions> options, TimeProvider time, ILogger<StoryStage> logger) : IDisposable
{
    private const int IdBlock = 100;

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Lock _gate = new();
    private StoryClusterer? _clusterer;
    private int _open;
    private bool _stale;
    private TaskCompletionSource? _drained;
    private long _nextId;
    private long _idsLeft;

    /// <summary>Reads a report for assignment: pure, so checks read theirs in parallel before they take their turn.</summary>
    /// <param name="tokens">The report's title and text as matching reads them (<see cref="ArticleTokens.Of"/>): read
    /// once for both.</param>
    public StoryReading Read(StoryArticle article, ArticleTokens? tokens = null) => ProfileBuilder.Read(article, options.Value, tokens);

    /// <summary>
    /// Waits for the turn to assign up to <paramref name="reports"/> reports, rebuilding the clusterer first when needed.
    /// Call <see cref="StoryBatch.Assigned"/> when they are assigned and dispose the batch when the commit is done.
    /// </summary>
    public async Task<StoryBatch> BeginAsync(int reports, CancellationToken ct)
    {
        await _turn.WaitAsync(ct);
        try
        {
            if (IsStale())
            {
                await WhenDrained().WaitAsync(ct);
                lock (_gate) _stale = false;
                _clusterer = null;
            }
            _clusterer ??= await RestoreAsync(ct);
            if (_idsLeft < reports) await ReserveAsync(reports, ct);
            lock (_gate) _open++;
            return new StoryBatch(this, _clusterer);
        }
        catch
        {
            _turn.Release();
            throw;
        }
    }

    internal void ReleaseTurn() => _turn.Release();

    internal void End(bool keep)
    {
        lock (_gate)
        {
            if (!keep) _stale = true;
            if (--_open == 0 && _drained is { } drained)
            {
                _drained = null;
                drained.TrySetResult();
            }
        }
    }

    /// <summary>When a report counts for the window: its publication date, unless it has none or claims a time still to come.</summary>
    public static DateTimeOffset ClusteringTime(DateTimeOffset? published, DateTimeOffset fetched) =>
        published is { } p && p < fetched ? p : fetched;

    private bool IsStale()
    {
        lock (_gate) return _stale;
    }

    private Task WhenDrained()
    {
        lock (_gate)
        {
            if (_open == 0) return Task.CompletedTask;
            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _drained.Task;
        }
    }

    private async Task ReserveAsync(int reports, CancellationToken ct)
    {
        var count = Math.Max(reports, IdBlock);
        _nextId = await store.ReserveIdsAsync(count, ct);
        _idsLeft = count;
    }

    /// <summary>The next id of the reserved block; the turn's holder reserved enough for its reports.</summary>
    private long TakeId()
    {
        if (_idsLeft <= 0) throw new InvalidOperationException("More new stories than the batch reserved ids for");
        _idsLeft--;
        return _nextId++;
    }

    private async Task<StoryClusterer> RestoreAsync(CancellationToken ct)
    {
        var o = options.Value;
        var reports = await store.WindowReportsAsync(time.GetUtcNow() - o.Window, ct);
        var clusterer = new StoryClusterer(o, TakeId);
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
