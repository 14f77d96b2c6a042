using AlertBot.Core.Storage;

namespace AlertBot.Core.Channels;

/// <summary>
/// Outbox batch keys of held alerts. A held alert is an ordinary pending outbox row whose
/// <c>next_attempt_at</c> is when its hold ends and whose batch names that digest: every row held
/// until the same time goes out as one message. A paused channel's rows wait with no time at all.
/// </summary>
public static class HeldBatch
{
    public const string Prefix = "hold:";
    public const string Paused = Prefix + "paused";

    /// <summary>Held rows of a paused channel are due at this far-off time, so no delivery round ever picks them up.</summary>
    public static readonly DateTimeOffset Never = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static string Until(DateTimeOffset at) => Prefix + DateTimeOffsetHandler.Format(at);

    public static bool IsHeld(string? batch) => batch is not null && batch.StartsWith(Prefix, StringComparison.Ordinal);
}
