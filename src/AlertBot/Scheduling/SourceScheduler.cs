using AlertBot.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AlertBot.Scheduling;

/// <summary>
/// Schedules one <see cref="SourceCheckJob"/> per enabled source: its first run when the source is due, each run then
/// schedules the next. Sources due at start are spread over their interval at stable per-source offsets, so a thousand
/// feeds on one interval do not all fire at once (and keep their places across restarts).
/// </summary>
public sealed class SourceScheduler(ISchedulerFactory schedulers, SourceStore sources, TopicStore topics, TimeProvider time, ILogger<SourceScheduler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var intervals = (await topics.ListAsync(cancellationToken)).ToDictionary(t => t.Id, t => TimeSpan.FromSeconds(t.CheckIntervalSeconds));
        var now = time.GetUtcNow();
        foreach (var source in await sources.ListAsync(cancellationToken))
        {
            if (source.Disabled || !intervals.TryGetValue(source.TopicId, out var interval)) continue;
            var job = JobBuilder.Create<SourceCheckJob>()
                .WithIdentity($"source-{source.Id}", "sources")
                .UsingJobData(SourceCheckJob.SourceIdKey, source.Id)
                .StoreDurably()
                .Build();
            var start = FirstRun(source.Id, source.NextCheckAt, interval, now);
            await scheduler.ScheduleJob(job, TriggerFor(source.Id, start), new ScheduleJobOptions { Replace = true }, cancellationToken);
            logger.LogInformation("Source {SourceId} {Url} first checked at {Start}", source.Id, source.Url, start);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// A source not yet due starts when it is due. A due one starts at its own slot in the coming interval: slots recur
    /// every interval from the Unix epoch, shifted by an offset that a hash of the source id spreads evenly.
    /// </summary>
    internal static DateTimeOffset FirstRun(long sourceId, DateTimeOffset? nextCheckAt, TimeSpan interval, DateTimeOffset now)
    {
        if (nextCheckAt is { } next && next > now) return next;
        var period = interval.Ticks;
        var offset = (long)(Fraction(sourceId) * period);
        var sinceEpoch = (now - DateTimeOffset.UnixEpoch).Ticks;
        var slot = (sinceEpoch - offset) / period * period + offset;
        if (slot < sinceEpoch) slot += period;
        return DateTimeOffset.UnixEpoch + TimeSpan.FromTicks(slot);
    }

    /// <summary>A stable fraction in [0, 1) per source (Fibonacci hashing: consecutive ids land far apart).</summary>
    private static double Fraction(long sourceId) => (ulong)sourceId * 11400714819323198485UL / (double)ulong.MaxValue % 1.0;

    /// <summary>The one-shot trigger of a source's next check.</summary>
    internal static ITrigger TriggerFor(long sourceId, DateTimeOffset at) =>
        TriggerBuilder.Create()
            .WithIdentity($"source-{sourceId}", "sources")
            .ForJob($"source-{sourceId}", "sources")
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
}
