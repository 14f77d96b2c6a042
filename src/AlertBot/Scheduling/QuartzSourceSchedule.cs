using AlertBot.Core.Pipeline;
using Quartz;

namespace AlertBot.Scheduling;

/// <summary>Schedules (or moves) a feed's one-shot check trigger in the running Quartz scheduler.</summary>
public sealed class QuartzSourceSchedule(ISchedulerFactory schedulers) : ISourceSchedule
{
    public async Task ScheduleAsync(long sourceId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await SourceScheduler.ScheduleAsync(scheduler, sourceId, at, cancellationToken);
    }
}
