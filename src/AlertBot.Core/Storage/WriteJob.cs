namespace AlertBot.Core.Storage;

/// <summary>
/// One caller's writes, queued for <see cref="DatabaseWriter"/>. Its result is held back until the transaction it ran
/// in is committed, so a caller never sees a write that a failed commit undid.
/// </summary>
internal abstract class WriteJob
{
    private const int Queued = 0, Taken = 1, Cancelled = 2;
    private int _state;

    /// <param name="weight">How much it adds to a batch (articles), which caps how long one transaction runs.</param>
    protected WriteJob(int weight) => Weight = Math.Max(1, weight);

    public int Weight { get; }

    /// <summary>Runs the writes inside the writer's transaction; may run again in a transaction of its own when the first one was lost.</summary>
    public abstract void Run(Statements statements);

    /// <summary>Hands the caller its result (the transaction is committed) or <paramref name="error"/>.</summary>
    public abstract void Complete(Exception? error);

    /// <summary>Claims the job for writing; false when its caller gave up waiting first.</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

    protected bool TryCancel() => Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued;
}
