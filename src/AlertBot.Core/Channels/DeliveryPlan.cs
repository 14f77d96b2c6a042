using AlertBot.Core.Storage;

namespace AlertBot.Core.Channels;

/// <summary>What the outbox dispatcher does with a due row once the channel's settings have had their say.</summary>
public abstract record DeliveryPlan
{
    private DeliveryPlan() { }

    /// <summary>Held for later: the rows stay pending with a later due time. Nothing to send now.</summary>
    public sealed record Held(ScheduleDecision Decision) : DeliveryPlan;

    /// <summary>Send the row as one alert.</summary>
    public sealed record Alert(OutboxRecord Row, ChannelSettings Settings) : DeliveryPlan;

    /// <summary>Send these rows as one digest message: a burst from one check, or what the channel held (both read the same).</summary>
    public sealed record Digest(IReadOnlyList<OutboxRecord> Rows, ChannelSettings Settings) : DeliveryPlan;
}
