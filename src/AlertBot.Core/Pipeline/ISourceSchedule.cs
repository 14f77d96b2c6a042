namespace AlertBot.Core.Pipeline;

/// <summary>
/// Tells the scheduler when a feed is due, for feeds that change at runtime (added from chat, re-enabled, a topic
/// resumed): they are checked without a restart.
/// </summary>
public interface ISourceSchedule
{
    Task ScheduleAsync(long sourceId, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>Hosts without a scheduler (<c>once</c>, <c>chat</c>, tests): the next run of <c>once</c> checks every feed anyway.</summary>
public sealed class NoSourceSchedule : ISourceSchedule
{
    public Task ScheduleAsync(long sourceId, DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask;
}
