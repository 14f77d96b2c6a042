namespace AlertBot.Core.Channels;

/// <summary>How a channel receives its alerts.</summary>
public enum DeliveryMode
{
    /// <summary>Each alert as soon as it is matched (within quiet hours and the hourly cap).</summary>
    Instant,

    /// <summary>Alerts are held and sent as one digest at the channel's digest times.</summary>
    Digest,
}
