using AlertBot.Scheduling;
using AlertBot.Tests.Support;
using Microsoft.Extensions.Options;
using Moq;
using Quartz;

namespace AlertBot.Tests.Scheduling;

public sealed class SourceCheckJobTests
{
    private static (Mock<IJobExecutionContext> Context, Mock<IScheduler> Scheduler) Context(long sourceId)
    {
        var scheduler = new Mock<IScheduler>();
        var trigger = SourceScheduler.TriggerFor(sourceId, DateTimeOffset.UnixEpoch);
        var context = new Mock<IJobExecutionContext>();
        context.SetupGet(c => c.MergedJobDataMap).Returns(new JobDataMap { [SourceCheckJob.SourceIdKey] = sourceId });
        context.SetupGet(c => c.Scheduler).Returns(scheduler.Object);
        context.SetupGet(c => c.Trigger).Returns(trigger);
        return (context, scheduler);
    }

    [Fact]
    public async Task After_a_check_the_job_schedules_the_next_run_for_when_the_source_is_due_again()
    {
        using var rig = await PipelineRig.CreateAsync();
        rig.WriteFeed(new RssItem("g1", "Story", "Text."));
        var (context, scheduler) = Context(rig.SourceId);

        await new SourceCheckJob(rig.Checker, Options.Create(new CheckScheduleOptions())).Execute(context.Object, CancellationToken.None);

        var due = (await rig.Db.Sources.FindAsync(rig.SourceId))!.NextCheckAt!.Value;
        Assert.Equal(rig.Db.Time.GetUtcNow() + TimeSpan.FromMinutes(10), due);
        scheduler.Verify(s => s.RescheduleJob(new TriggerKey($"source-{rig.SourceId}", "sources"),
            It.Is<ITrigger>(t => t.StartTimeUtc == due), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_failing_source_is_next_run_at_its_backoff_not_at_the_regular_interval()
    {
        using var rig = await PipelineRig.CreateAsync();   // no feed file yet: the check fails
        var (context, scheduler) = Context(rig.SourceId);

        await new SourceCheckJob(rig.Checker, Options.Create(new CheckScheduleOptions())).Execute(context.Object, CancellationToken.None);

        var expected = rig.Db.Time.GetUtcNow() + TimeSpan.FromMinutes(20);
        scheduler.Verify(s => s.RescheduleJob(It.IsAny<TriggerKey>(), It.Is<ITrigger>(t => t.StartTimeUtc == expected), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_disabled_source_is_not_scheduled_again()
    {
        using var rig = await PipelineRig.CreateAsync();
        await rig.Db.Sources.RecordFailureAsync(rig.SourceId, "gone", rig.Db.Time.GetUtcNow(), rig.Db.Time.GetUtcNow(), disable: true);
        var (context, scheduler) = Context(rig.SourceId);

        await new SourceCheckJob(rig.Checker, Options.Create(new CheckScheduleOptions())).Execute(context.Object, CancellationToken.None);

        scheduler.Verify(s => s.RescheduleJob(It.IsAny<TriggerKey>(), It.IsAny<ITrigger>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
