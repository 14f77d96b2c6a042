namespace AlertBot.Discord.Gateway;

/// <summary>The waits of the gateway state machine, injectable so tests run in milliseconds and deterministically.</summary>
internal sealed class GatewayTimings
{
    /// <summary>Fraction of the heartbeat interval before the first heartbeat (Discord asks for random jitter in [0,1)).</summary>
    public Func<double> FirstHeartbeatJitter { get; init; } = Random.Shared.NextDouble;

    /// <summary>Wait after op 9 INVALID SESSION before identifying or resuming again: random 1–5 s, as most libraries do.</summary>
    public Func<TimeSpan> InvalidSessionDelay { get; init; } = () => TimeSpan.FromMilliseconds(Random.Shared.Next(1000, 5001));

    /// <summary>First reconnect backoff after an unexpected drop; doubles per failure up to <see cref="ReconnectBackoffMax"/>.</summary>
    public TimeSpan ReconnectBackoffBase { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectBackoffMax { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Minimum spacing between two identifies of one shard (Discord: max_concurrency per 5 s).</summary>
    public TimeSpan IdentifyWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a deliberate close may take before the socket is aborted (a half-dead link can hang a close).</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(2);

    public static GatewayTimings Default { get; } = new();
}
