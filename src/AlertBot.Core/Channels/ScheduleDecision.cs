namespace AlertBot.Core.Channels;

/// <summary>When an alert is due: now, or held (for <see cref="Reason"/>) until <see cref="Until"/>.</summary>
/// <param name="Until">When the held alert goes out as part of a digest; null when it is sent now or waits for a resume.</param>
public sealed record ScheduleDecision(HoldReason Reason, DateTimeOffset? Until)
{
    public static ScheduleDecision Now { get; } = new(HoldReason.None, null);

    public bool IsNow => Reason == HoldReason.None;
}
