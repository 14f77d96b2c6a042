namespace AlertBot.Core.Channels;

/// <summary>Why an alert is not sent at once.</summary>
public enum HoldReason
{
    /// <summary>Not held: send now.</summary>
    None,

    /// <summary>The channel is paused: held until a moderator resumes it.</summary>
    Paused,

    /// <summary>Inside the channel's quiet hours: held until they end.</summary>
    QuietHours,

    /// <summary>Digest mode (the channel's or the subscription's): held until the next digest time.</summary>
    Digest,

    /// <summary>The hourly cap is reached: folded into the digest at the end of the hour.</summary>
    HourlyCap,
}
