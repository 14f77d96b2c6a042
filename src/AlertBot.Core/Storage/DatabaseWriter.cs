using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace AlertBot.Core.Storage;

/// <summary>
/// The one writer of the check path (its commits and its source claims): a thread of its own, with a long-lived
/// connection, takes every job waiting and writes them in ONE transaction (group commit); should one of them fail, each
/// is written again in a transaction of its own, so a failure is undone alone and its error goes to its caller alone.
/// Callers never hold a lock while they wait, the writer never waits in the thread pool's queue behind other work, and
/// the check path's writes never sleep in SQLite's busy handler waiting for each other. The thread starts with the first job and ends after a while
/// with nothing to do (closing its connection); disposing lets it write what is queued, then ends it.
/// </summary>
internal sealed class DatabaseWriter(Database db, int maxBatchWeight = DatabaseWriter.DefaultBatchWeight, TimeSpan? idle = null) : IDisposable
{
    /// <summary>Articles per transaction at most: a batch stays a few tens of milliseconds, so no commit waits long.</summary>
    public const int DefaultBatchWeight = 500;

    /// <summary>Transactions between two checkpoints of the WAL (see <see cref="Committed"/>).</summary>
    private const int CheckpointEvery = 8;

    private readonly object _gate = new();
    private readonly Queue<WriteJob> _queue = new();
    private readonly int _idleMs = (int)(idle ?? TimeSpan.FromSeconds(5)).TotalMilliseconds;
    private Thread? _thread;
    private bool _disposed;
    private long _transactions;
    private int _checkpointing;
    // Only the writer thread touches these.
    private SqliteConnection? _connection;
    private Statements? _statements;

    private static long s_busyTicks;

    /// <summary>How long every writer of the process has spent writing (<see cref="Stopwatch"/> ticks), for the ingest benchmark.</summary>
    public static long BusyTicks => Interlocked.Read(ref s_busyTicks);

    public static void ResetBusyTicks() => Interlocked.Exchange(ref s_busyTicks, 0);

    private static void AddBusy(long start) => Interlocked.Add(ref s_busyTicks, Stopwatch.GetTimestamp() - start);

    /// <summary>Transactions committed so far: fewer than the jobs when jobs wait together.</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    public Task<T> SubmitAsync<T>(Func<Statements, T> write, int weight, CancellationToken ct)
    {
        var job = new WriteJob<T>(write, weight);
        job.CancelWith(ct);
        if (job.Task.IsCompleted) return job.Task;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _queue.Enqueue(job);
            if (_thread is null)
            {
                _thread = new Thread(Loop) { IsBackground = true, Name = "AlertBot database writer" };
                _thread.Start();
            }
            else Monitor.Pulse(_gate);
        }
        return job.Task;
    }

    private void Loop()
    {
        try
        {
            while (NextBatch() is { } batch)
            {
                if (batch.Count == 1 || (batch.Count > 1 && !TryWriteTogether(batch)))
                    foreach (var job in batch) WriteAlone(job);
            }
        }
        finally
        {
            Close();
        }
    }

    /// <returns>The jobs waiting, up to the cap (those whose callers gave up are dropped); null when the thread should end.</returns>
    private List<WriteJob>? NextBatch()
    {
        lock (_gate)
        {
            while (_queue.Count == 0)
            {
                if (_disposed || (!Monitor.Wait(_gate, _idleMs) && _queue.Count == 0))
                {
                    _thread = null;
                    return null;
                }
            }
            var batch = new List<WriteJob>();
            var weight = 0;
            while (_queue.Count > 0 && (batch.Count == 0 || weight + _queue.Peek().Weight <= maxBatchWeight))
            {
                var job = _queue.Dequeue();
                if (!job.TryTake()) continue;
                batch.Add(job);
                weight += job.Weight;
            }
            return batch;
        }
    }

    /// <summary>
    /// One transaction for the whole batch. Jobs rarely fail, so none pays for a savepoint of its own (each would copy
    /// every page it first touches into a sub-journal: a fifth of the writer's time in the ingest benchmark); when one
    /// does fail, the transaction is rolled back and each job is written again alone, so the failure stays its own.
    /// </summary>
    /// <returns>False when the transaction did not commit: nothing of it stands and no job is completed.</returns>
    private bool TryWriteTogether(List<WriteJob> batch)
    {
        try
        {
            Transact(statements =>
            {
                foreach (var job in batch) job.Run(statements);
            });
        }
        catch (Exception)
        {
            return false;
        }
        foreach (var job in batch) job.Complete(null);
        return true;
    }

    /// <summary>A transaction of its own: the job's error, whatever it is, goes to its caller as it was thrown.</summary>
    private void WriteAlone(WriteJob job)
    {
        try
        {
            Transact(job.Run);
        }
        catch (Exception ex)
        {
            job.Complete(ex);
            return;
        }
        job.Complete(null);
    }

    /// <summary>One transaction on the writer's connection, counted as busy time. Failures are rare: after one the
    /// connection is closed, since a fresh one costs less than finding out what state this one is in.</summary>
    private void Transact(Action<Statements> write)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var (connection, statements) = Open();
            using (var tx = connection.BeginTransaction(deferred: false))
            {
                write(statements);
                tx.Commit();
            }
            Committed();
        }
        catch (Exception)
        {
            Close();
            throw;
        }
        finally
        {
            AddBusy(start);
        }
    }

    /// <summary>
    /// The writer's connection does not checkpoint the WAL itself (a checkpoint fsyncs the database file: ~8 ms each,
    /// 120 of them in the 20,000-article ingest run, all on this thread): every few transactions a passive checkpoint
    /// runs on another connection, off the thread that every check's commit waits for. One at a time.
    /// </summary>
    private void Committed()
    {
        if (Interlocked.Increment(ref _transactions) % CheckpointEvery != 0 || Interlocked.CompareExchange(ref _checkpointing, 1, 0) != 0) return;
        _ = Task.Run(async () =>
        {
            try
            {
                await using var connection = await db.OpenAsync();
                using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                await checkpoint.ExecuteNonQueryAsync();
            }
            catch (SqliteException)
            {
                // A checkpoint that cannot run now runs after a later transaction; nothing is lost meanwhile.
            }
            finally
            {
                Volatile.Write(ref _checkpointing, 0);
            }
        });
    }

    private (SqliteConnection Connection, Statements Statements) Open()
    {
        _connection ??= db.OpenWriter();
        _statements ??= new Statements(_connection);
        return (_connection, _statements);
    }

    private void Close()
    {
        _statements?.Dispose();
        _statements = null;
        _connection?.Dispose();
        _connection = null;
    }

    public void Dispose()
    {
        Thread? thread;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            thread = _thread;
            Monitor.PulseAll(_gate);
        }
        if (thread is not null && thread != Thread.CurrentThread) thread.Join();
    }
}

