using AlertBot.Core.Pipeline;
using Microsoft.Extensions.Options;
using Quartz;

namespace AlertBot.Scheduling;

/// <summary>One Quartz job per source. Thin: reads its source id and runs the check.</summary>
[DisallowConcurrentExecution]
public sealed class SourceCheckJob(SourceChecker checker, IOptions<CheckScheduleOptions> options) : IJob
{
    public const string SourceIdKey = "sourceId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var sourceId = context.MergedJobDataMap.GetLong(SourceIdKey);
        await checker.CheckAsync(sourceId, honourDrip: options.Value.HonourDrip, cancellationToken, onlyWhenDue: true);
    }
}
