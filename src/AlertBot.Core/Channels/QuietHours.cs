using NodaTime;

namespace AlertBot.Core.Channels;

/// <summary>A daily window of local time in which alerts are held. It may cross midnight (22:00–07:00).</summary>
public sealed record QuietHours(LocalTime Start, LocalTime End)
{
    public bool CrossesMidnight => End < Start;

    /// <summary>Whether a local time of day falls inside the window (start inclusive, end exclusive).</summary>
    public bool Contains(LocalTime time) =>
        CrossesMidnight ? time >= Start || time < End : time >= Start && time < End;

    public override string ToString() => $"{ChannelTime.Format(Start)}-{ChannelTime.Format(End)}";
}
