using System.Globalization;
using System.Runtime;

namespace AlertBot.Benchmarks;

/// <summary>
/// What the runtime itself spent over a measured window: bytes allocated, collections per generation, time paused for
/// garbage collection, and methods (re)compiled by the JIT with the time that took (tiering recompiles hot methods,
/// so a short run pays for its own compilation). Differences of two readings.
/// </summary>
internal readonly record struct RuntimeCounters(long Allocated, int Gen0, int Gen1, int Gen2, TimeSpan GcPause, long JitMethods, TimeSpan JitTime)
{
    public static RuntimeCounters Read() => new(
        GC.GetTotalAllocatedBytes(precise: false), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
        GC.GetTotalPauseDuration(), System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());

    public static RuntimeCounters operator -(RuntimeCounters a, RuntimeCounters b) => new(
        a.Allocated - b.Allocated, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.GcPause - b.GcPause, a.JitMethods - b.JitMethods, a.JitTime - b.JitTime);

    public string Describe(int articles) => string.Create(CultureInfo.InvariantCulture,
        $"alloc-MB={Allocated / 1048576.0:0} alloc-KB/article={Allocated / 1024.0 / Math.Max(1, articles):0.0} gc={Gen0}/{Gen1}/{Gen2} gc-pause-s={GcPause.TotalSeconds:0.00} " +
        $"jit-methods={JitMethods} jit-s={JitTime.TotalSeconds:0.00} gc-mode={(GCSettings.IsServerGC ? "server" : "workstation")}");
}
