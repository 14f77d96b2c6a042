using AlertBot.Core.Health;

namespace AlertBot.Discord;

/// <summary>Discord's part of /readyz: ready once the gateway said READY or RESUMED; not ready before, or after a fatal close.</summary>
public sealed class DiscordReadiness : IPlatformReadiness
{
    private volatile string? _notReady = "gateway not connected yet (no READY)";

    public string Platform => "discord";

    public string? NotReadyReason => _notReady;

    internal void Connected() => _notReady = null;

    internal void Stopped(string reason) => _notReady = "stopped: " + reason;
}
