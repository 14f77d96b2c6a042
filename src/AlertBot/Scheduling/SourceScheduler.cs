using AlertBot.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AlertBot.Scheduling;

/// <summary>Schedules one <see cref="SourceCheckJob"/> per enabled source, on its topic's interval, with a little jitter.</summary>
public sealed class SourceScheduler(ISchedulerFactory schedulers, SourceStore sources, TopicStore topics, TimeProvider time, ILogger<SourceScheduler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var intervals = (await topics.ListAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.CheckIntervalSeconds);
        var now = time.GetUtcNow();
        foreach (var source in await sources.ListAsync(cancellationToken))
        {
            if (source.Disabled || !intervals.TryGetValue(source.TopicId, out var seconds)) continue;
            var job = JobBuilder.Create<SourceCheckJob>()
                .WithIdentity($"source-{source.Id}", "sources")
                .UsingJobData(SourceCheckJob.SourceIdKey, source.Id)
                .Build();
            // Due sources start within a few seconds (spread out); others when their next check is due.
            var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(0, 3000));
            var start = source.NextCheckAt is { } next && next > now ? next : now;
            var trigger = TriggerBuilder.Create()
                .WithIdentity($"source-{source.Id}", "sources")
                .StartAt(start + jitter)
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(seconds)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
                .Build();
            await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
            logger.LogInformation("Source {SourceId} {Url} checked every {Seconds} s", source.Id, source.Url, seconds);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
