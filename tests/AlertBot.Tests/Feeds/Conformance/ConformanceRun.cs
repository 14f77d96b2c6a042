namespace AlertBot.Tests.Feeds.Conformance;

/// <summary>Runs both corpora once per test class and renders the report.</summary>
public sealed class ConformanceRun
{
    internal FeedparserCorpus Feedparser { get; } = new();
    internal GofeedCorpus Gofeed { get; } = new();
    internal Score Dates { get; }
    internal double Seconds { get; }

    public ConformanceRun()
    {
        var corpus = SharedFolder.Combine("feedcorpus");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Feedparser.Run(corpus);
        Gofeed.Run(corpus);
        Dates = DateTables.Run(corpus);
        Seconds = watch.Elapsed.TotalSeconds;
    }

    internal int Documents => Feedparser.Documents + Gofeed.Documents;
    internal int CrashFree => Feedparser.CrashFree + Gofeed.CrashFree;
    internal double CrashFreeRate => (double)CrashFree / Documents;

    internal IEnumerable<string> Report()
    {
        yield return $"== Feed conformance ({Documents} documents, {Seconds:F1} s) ==";
        yield return $"crash-free: {CrashFreeRate:P2} ({CrashFree}/{Documents}); on malformed/encoding/crash-regression subsets: "
            + $"{Feedparser.MalformedCrashFree + Gofeed.MalformedCrashFree}/{Feedparser.MalformedDocuments + Gofeed.MalformedDocuments}";
        var withContent = Feedparser.MalformedWithContent + Gofeed.MalformedWithContent;
        var recovered = Feedparser.MalformedRecovered + Gofeed.MalformedRecovered;
        yield return $"malformed-input recovery (cases with content assertions, all passing): {(double)recovered / Math.Max(1, withContent):P1} ({recovered}/{withContent})";
        foreach (var line in Dates.Lines("date tables")) yield return line;
        foreach (var (suite, score) in Gofeed.Suites.OrderBy(s => s.Key, StringComparer.Ordinal))
            foreach (var line in score.Lines($"gofeed {suite}")) yield return line;
        foreach (var (suite, score) in Feedparser.Suites.OrderBy(s => s.Key, StringComparer.Ordinal))
            foreach (var line in score.Lines($"feedparser {suite}")) yield return line;
        foreach (var line in Feedparser.Detection.Lines("feedparser malformed-input detection (bozo agreement)")) yield return line;
        foreach (var line in Feedparser.Encoding.Lines("feedparser detected encoding name")) yield return line;
        yield return "excluded policies (scored for information, never toward a target):";
        foreach (var line in Feedparser.Sanitize.Lines("  feedparser sanitize")) yield return line;
        foreach (var (name, why) in ExcludedPolicies.List) yield return $"  - {name}: {why}";
        foreach (var crash in Feedparser.Crashes.Concat(Gofeed.Crashes)) yield return "CRASH " + crash;
    }

    internal IEnumerable<string> Failures(int perSuite) =>
        Gofeed.Suites.Concat(Feedparser.Suites).SelectMany(s => s.Value.Failures.Take(perSuite)).Concat(Dates.Failures);
}
