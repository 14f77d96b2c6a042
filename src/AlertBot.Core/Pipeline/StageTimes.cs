using System.Diagnostics;
using AlertBot.Core.Storage;

namespace AlertBot.Core.Pipeline;

/// <summary>
/// Where a process's checks spend their time: elapsed time per stage, summed over all checks (concurrent checks add up,
/// so the totals can exceed the wall clock; a stage's waits, such as the commit queue, count as its time). Cheap enough
/// to stay on: two timestamps and one interlocked add per stage per check or item. The ingest benchmark prints them.
/// </summary>
public static class StageTimes
{
    private static readonly long[] s_ticks = new long[Enum.GetValues<PipelineStage>().Length];

    public static async Task<T> TimeAsync<T>(PipelineStage stage, Func<Task<T>> work)
    {
        var start = Stopwatch.GetTimestamp();
        try { return await work(); }
        finally { Add(stage, start); }
    }

    public static T Time<T>(PipelineStage stage, Func<T> work)
    {
        var start = Stopwatch.GetTimestamp();
        try { return work(); }
        finally { Add(stage, start); }
    }

    private static void Add(PipelineStage stage, long start) =>
        Interlocked.Add(ref s_ticks[(int)stage], Stopwatch.GetTimestamp() - start);

    /// <summary>Every stage's total; Write is the database writer's busy time, which Storage counts itself.</summary>
    public static IReadOnlyList<(PipelineStage Stage, TimeSpan Total)> Snapshot() =>
        Enum.GetValues<PipelineStage>().Select(s => (s, Stopwatch.GetElapsedTime(0,
            Interlocked.Read(ref s_ticks[(int)s]) + (s == PipelineStage.Write ? DatabaseWriter.BusyTicks : 0)))).ToList();

    public static void Reset()
    {
        for (var i = 0; i < s_ticks.Length; i++) Interlocked.Exchange(ref s_ticks[i], 0);
        DatabaseWriter.ResetBusyTicks();
    }
}
