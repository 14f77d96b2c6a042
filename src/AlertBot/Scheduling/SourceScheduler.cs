using AlertBot.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AlertBot.Scheduling;

/// <summary>
/// Schedules one <see cref="SourceCheckJob"/> per enabled source: its first run when the source is due (within a few
/// seconds when it is due already); each run then schedules the next.
/// </summary>
public sealed class SourceScheduler(ISchedulerFactory schedulers, SourceStore sources, TimeProvider time, ILogger<SourceScheduler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var source in await sources.ListAsync(cancellationToken))
        {
            if (source.Disabled) continue;
            var job = JobBuilder.Create<SourceCheckJob>()
                .WithIdentity($"source-{source.Id}", "sources")
                .UsingJobData(SourceCheckJob.SourceIdKey, source.Id)
                .StoreDurably()
                .Build();
            // Due sources start within a few seconds (spread out); others when their next check is due.
            var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(0, 3000));
            var start = source.NextCheckAt is { } next && next > now ? next : now;
            await scheduler.ScheduleJob(job, TriggerFor(source.Id, start + jitter), new ScheduleJobOptions { Replace = true }, cancellationToken);
            logger.LogInformation("Source {SourceId} {Url} first checked at {Start}", source.Id, source.Url, start + jitter);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The one-shot trigger of a source's next check.</summary>
    internal static ITrigger TriggerFor(long sourceId, DateTimeOffset at) =>
        TriggerBuilder.Create()
            .WithIdentity($"source-{sourceId}", "sources")
            .ForJob($"source-{sourceId}", "sources")
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
}
