using System.Collections.Concurrent;
using AlertBot.Core.Pipeline;

namespace AlertBot.Tests.Support;

/// <summary>Records which feeds were scheduled for when, instead of running a scheduler.</summary>
public sealed class RecordingSchedule : ISourceSchedule
{
    public ConcurrentQueue<(long SourceId, DateTimeOffset At)> Scheduled { get; } = new();

    public Task ScheduleAsync(long sourceId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Scheduled.Enqueue((sourceId, at));
        return Task.CompletedTask;
    }
}
