using AlertBot.Core.Pipeline;
using Microsoft.Extensions.Options;
using Quartz;

namespace AlertBot.Scheduling;

/// <summary>
/// One Quartz job per source. Thin: runs the check, then schedules the next run for when the check says the source is
/// due again (its interval, or later while it backs off). This is the one place that decides when a source is checked.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SourceCheckJob(SourceChecker checker, IOptions<CheckScheduleOptions> options) : IJob
{
    public const string SourceIdKey = "sourceId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var sourceId = context.MergedJobDataMap.GetLong(SourceIdKey);
        var result = await checker.CheckAsync(sourceId, honourDrip: options.Value.HonourDrip, cancellationToken);
        // A disabled or removed source has no next check: its job simply stops firing.
        if (result.NextCheckAt is { } next)
            await context.Scheduler.RescheduleJob(context.Trigger.Key, SourceScheduler.TriggerFor(sourceId, next), cancellationToken);
    }
}
