namespace AlertBot.Core.Storage;

/// <summary>A <see cref="WriteJob"/> whose caller awaits a <typeparamref name="T"/>.</summary>
internal sealed class WriteJob<T>(Func<Statements, T> write, int weight) : WriteJob(weight)
{
    private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenRegistration _cancel;
    private T? _result;

    public Task<T> Task => _done.Task;

    /// <summary>A caller that gives up before the writer takes the job gets its cancellation; once taken, the job finishes.</summary>
    public void CancelWith(CancellationToken ct)
    {
        if (!ct.CanBeCanceled) return;
        _cancel = ct.Register(() =>
        {
            if (TryCancel()) _done.TrySetCanceled(ct);
        });
    }

    public override void Run(Statements statements) => _result = write(statements);

    public override void Complete(Exception? error)
    {
        _cancel.Dispose();
        if (error is null) _done.TrySetResult(_result!);
        else _done.TrySetException(error);
    }
}
