namespace AlertBot.Core.Delivery;

/// <summary>Wakes the delivery loop when new outbox rows were written, so alerts do not wait for the next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        // At most one pending wake-up: several notifications before the loop runs collapse into one.
        try { _signal.Release(); }
        catch (SemaphoreFullException) { }
    }

    /// <returns>True when notified, false when the timeout passed.</returns>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
