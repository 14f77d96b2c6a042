using System.Diagnostics;
using System.Globalization;
using System.Text;
using AlertBot.Core.Figures;

namespace AlertBot.Benchmarks;

/// <summary>
/// Extraction speed on the seeds, repeated. Usage: figures [--seeds DIR] [--rounds N] [--warmup SECONDS] [--dump].
/// --dump prints every figure found per seed instead of timing.
/// </summary>
internal static class FiguresBench
{
    public static int Run(string[] args)
    {
        var dir = Arg(args, "--seeds") ?? FindSeeds();
        if (dir is null) { Console.Error.WriteLine("figures: no shared/seeds found; pass --seeds DIR"); return 2; }
        var seeds = Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileName(f), Raw: File.ReadAllText(f).Replace("\r\n", "\n"))).ToList();
        if (args.Contains("--dump"))
        {
            foreach (var (name, raw) in seeds)
            {
                var (title, text) = Split(raw);
                Console.WriteLine("== " + name);
                foreach (var f in FigureExtractor.Extract(title, text))
                    Console.WriteLine($"  {f.Value}{(f.ValueHigh is { } h ? "-" + h : "")}{(f.Unit is null ? "" : " " + f.Unit)} | {f.Measure} | subj={f.Subject} | q={f.Qualifier} | by={f.ClaimedBy} | when={f.When}\n      \"{Trim(f.Quote)}\"");
            }
            return 0;
        }
        var rounds = int.TryParse(Arg(args, "--rounds"), out var r) ? r : 1000;
        var warmup = TimeSpan.FromSeconds(double.TryParse(Arg(args, "--warmup"), CultureInfo.InvariantCulture, out var w) ? w : 2);
        var bytes = seeds.Sum(s => (long)Encoding.UTF8.GetByteCount(s.Raw));
        var sentences = seeds.Sum(s => s.Raw.Split('.', '\n').Length);
        var split = seeds.Select(s => Split(s.Raw)).ToList();
        // Warm up by time, not by a few rounds: tiered compilation recompiles the hot methods in the background during
        // the first seconds, and that JIT time would count against extraction (with 20 warm-up rounds it was a third).
        var warming = Stopwatch.StartNew();
        var warmRounds = 0;
        for (; warming.Elapsed < warmup || warmRounds < 20; warmRounds++) foreach (var (t, x) in split) FigureExtractor.Extract(t, x);
        var found = 0;
        // CPU time of this (single-threaded) process: the rate per CPU-second, steady on a shared, loaded machine.
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < rounds; i++) foreach (var (t, x) in split) found += FigureExtractor.Extract(t, x).Count;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        process.Refresh();
        var seconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"seeds={seeds.Count} rounds={rounds} bytes/round={bytes} figures/round={found / rounds} warmup-rounds={warmRounds}");
        Console.WriteLine($"figures sentences/s={sentences * rounds / seconds:F0}");
        Console.WriteLine($"figures alloc-bytes/byte={(double)allocated / (bytes * rounds):F1} alloc-KB/article={allocated / 1024.0 / (rounds * seeds.Count):F1}");
        Console.WriteLine($"figures MB/s={bytes * rounds / seconds / 1_000_000:F2}");
        return 0;
    }

    private static (string Title, string Text) Split(string raw)
    {
        var nl = raw.IndexOf('\n');
        return nl < 0 ? (raw, "") : (raw[..nl], raw[(nl + 1)..]);
    }

    private static string Trim(string s) => s.Length > 110 ? s[..110] + "…" : s;

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string? FindSeeds()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var p = Path.Combine(d.FullName, "shared", "seeds");
            if (Directory.Exists(p)) return p;
        }
        return null;
    }
}
