using NodaTime;

namespace AlertBot.Core.Channels;

/// <summary>
/// How and when one channel (Discord channel, Telegram chat, DM) receives alerts, as chosen by its
/// moderators. <see cref="Default"/> is what a channel that never set anything gets.
/// </summary>
public sealed record ChannelSettings
{
    public const int MinSummaryLength = 80;
    public const int MaxSummaryLength = 1000;

    public static ChannelSettings Default { get; } = new();

    public DeliveryMode Mode { get; init; } = DeliveryMode.Instant;

    /// <summary>Local times (in <see cref="TimeZone"/>) at which digest-mode alerts go out; sorted, never empty.</summary>
    public IReadOnlyList<LocalTime> DigestTimes { get; init; } = [new(8, 0), new(18, 0)];

    /// <summary>IANA time zone id, validated against NodaTime's bundled tzdb.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>Null when the channel has no quiet hours.</summary>
    public QuietHours? Quiet { get; init; }

    /// <summary>
    /// Alerts per clock hour before the rest are folded into an end-of-hour digest. Null when the channel
    /// never set it (the operator's <c>Delivery:BurstCap</c> applies); 0 when the moderators turned it off.
    /// </summary>
    public int? MaxPerHour { get; init; }

    public int SummaryLength { get; init; } = 300;
    public bool Figures { get; init; } = true;
    public bool Previews { get; init; } = true;
    /// <summary>A development that changes a key figure of an alerted story is told as a short reply to the alert.</summary>
    public bool Updates { get; init; } = true;
    public bool Paused { get; init; }

    /// <summary>The cap that applies: the channel's own, else <paramref name="defaultCap"/>; null when there is none.</summary>
    public int? EffectiveCap(int defaultCap) => (MaxPerHour ?? defaultCap) is > 0 and var cap ? cap : null;

    public DateTimeZone Zone => ChannelTime.Zone(TimeZone) ?? DateTimeZone.Utc;
}
