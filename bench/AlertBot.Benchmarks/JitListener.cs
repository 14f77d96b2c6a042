using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace AlertBot.Benchmarks;

/// <summary>
/// Which methods the JIT compiled during a window and how long each took, from the runtime's own events (a method's
/// jitting-started and loaded events on one thread). For <c>ingest --jit-top N</c>: JIT time is fixed start-up cost
/// that a short run pays in full, so it is worth knowing what it is spent on. Timings include the listener's own
/// dispatch, so compare them with each other rather than with <c>jit-s</c>.
/// </summary>
internal sealed class JitListener : EventListener
{
    private const EventKeywords JitKeyword = (EventKeywords)0x10;
    private const int JittingStarted = 145;
    private const int LoadVerbose = 143;

    private readonly ConcurrentDictionary<ulong, (string Name, DateTime Start)> _started = new();
    private readonly ConcurrentBag<(string Name, double Ms, int Tier)> _done = [];
    private volatile bool _recording;

    public void Start() => _recording = true;

    public void Stop() => _recording = false;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, JitKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_recording || e.Payload is null) return;
        if (e.EventId == JittingStarted)
        {
            var id = Convert.ToUInt64(e.Payload[0], CultureInfo.InvariantCulture);
            _started[id] = ($"{e.Payload[4]}::{e.Payload[5]}", e.TimeStamp);
        }
        else if (e.EventId == LoadVerbose)
        {
            var id = Convert.ToUInt64(e.Payload[0], CultureInfo.InvariantCulture);
            if (!_started.TryRemove(id, out var s)) return;
            var flags = Convert.ToUInt32(e.Payload[5], CultureInfo.InvariantCulture);
            _done.Add((s.Name, (e.TimeStamp - s.Start).TotalMilliseconds, (int)((flags >> 7) & 7)));
        }
    }

    /// <summary>Totals by tier and by assembly-ish namespace prefix, then the slowest methods.</summary>
    public IEnumerable<string> Report(int top)
    {
        var all = _done.ToList();
        yield return string.Create(CultureInfo.InvariantCulture, $"jit methods={all.Count} listed-ms={all.Sum(d => d.Ms):0}");
        foreach (var g in all.GroupBy(d => d.Tier).OrderBy(g => g.Key))
            yield return string.Create(CultureInfo.InvariantCulture, $"jit tier={TierName(g.Key)} methods={g.Count()} ms={g.Sum(d => d.Ms):0}");
        foreach (var g in all.GroupBy(d => Prefix(d.Name)).OrderByDescending(g => g.Sum(d => d.Ms)).Take(15))
            yield return string.Create(CultureInfo.InvariantCulture, $"jit area={g.Key} methods={g.Count()} ms={g.Sum(d => d.Ms):0}");
        foreach (var d in all.OrderByDescending(d => d.Ms).Take(top))
            yield return string.Create(CultureInfo.InvariantCulture, $"jit {d.Ms,7:0.0} ms {TierName(d.Tier),-10} {d.Name}");
    }

    private static string Prefix(string name)
    {
        var parts = name.Split('.', 4);
        return string.Join('.', parts.Take(Math.Min(3, parts.Length - 1)));
    }

    private static string TierName(int tier) => tier switch
    {
        1 => "optimized",
        2 => "tier0",
        3 => "tier1",
        4 => "osr",
        5 => "tier1-instr",
        6 => "tier0-instr",
        _ => $"t{tier}",
    };
}
