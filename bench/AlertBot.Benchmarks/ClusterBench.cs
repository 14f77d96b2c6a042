using System.Diagnostics;
using System.Globalization;
using System.Text;
using AlertBot.Core.Stories;

namespace AlertBot.Benchmarks;

/// <summary>
/// Story clustering against a full window: 50,000 active stories (one report each, all within the 72-hour
/// window), then 5,000 more reports timed, half of them new reports of existing events and half new events.
///
/// Workload (deterministic, seeded): events are made of generated words — a place and a protagonist (capitalised),
/// six event words drawn from a 200,000-word vocabulary, and news vocabulary drawn with Zipf frequencies from
/// 5,000 words, so common words are in many stories' terms, as in real news. A report is a title of 8–10 words and
/// a lead of three sentences of about 20 words (about 600 characters, a feed teaser), each report of an event
/// drawing its words afresh. Prints one line: <c>cluster stories=N articles/s=X bytes/story=Y</c>.
/// </summary>
internal static class ClusterBench
{
    private const int Measured = 5_000;

    public static int Run(string[] args)
    {
        var stories = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
        var workload = new Workload(seed: 11);
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var step = TimeSpan.FromHours(60) / stories;

        // Everything a long-running bot has already seen once (the vocabulary's stems) is not per-story memory.
        AlertBot.Core.Subscriptions.ArticleTokens.From(string.Join(' ', workload.AllWords()));
        var before = Memory();
        var clusterer = new StoryClusterer(new StoryOptions());
        var sw = Stopwatch.StartNew();
        var storyOfEvent = new long[stories];
        for (var e = 0; e < stories; e++) storyOfEvent[e] = clusterer.Add(workload.Report($"b{e}", e, start + step * e)).StoryId;
        var build = sw.Elapsed;
        var after = Memory();
        var bytesPerStory = (after - before) / (double)stories;
        Console.WriteLine($"built {clusterer.ActiveStories:N0} stories in {build.TotalSeconds:F1} s ({stories / build.TotalSeconds:F0} reports/s while the window fills)");

        var reports = new List<(StoryArticle Report, int Event)>(Measured);
        var rng = new Random(5);
        var t = start + TimeSpan.FromHours(60);
        for (var i = 0; i < Measured; i++)
        {
            var e = i % 2 == 0 ? rng.Next(stories) : stories + i;
            reports.Add((workload.Report($"m{i}", e, t + TimeSpan.FromSeconds(i)), e));
        }
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        sw.Restart();
        var right = 0;
        foreach (var (report, e) in reports)
        {
            var a = clusterer.Add(report);
            if (e < stories ? a.StoryId == storyOfEvent[e] : a.IsNewStory) right++;
        }
        var wall = sw.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        // A report of an existing event should join that event's story; a report of a new event should start one.
        Console.WriteLine($"timed {Measured:N0} reports against {stories:N0} active stories: {wall:F2} s wall, {cpuSeconds:F2} s CPU " +
                          $"(single-threaded; CPU time is the one-core figure when the machine is shared); {right:N0} of {Measured:N0} went to the right story");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cluster stories={stories} articles/s={Measured / cpuSeconds:F0} bytes/story={bytesPerStory:F0}"));
        GC.KeepAlive(clusterer);
        return 0;
    }

    private static long Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private sealed class Workload
    {
        private static readonly string[] Syllables =
            ["ka", "lo", "mi", "ra", "ten", "vo", "su", "bar", "del", "ni", "po", "ger", "an", "tu", "mel", "zor", "ki", "fa", "ros", "ve"];

        private readonly string[] _common;
        private readonly string[] _rare;
        private readonly double[] _zipf;
        private readonly int _seed;

        public Workload(int seed)
        {
            _seed = seed;
            var rng = new Random(seed);
            _common = Enumerable.Range(0, 5_000).Select(_ => Word(rng, 2, 3)).ToArray();
            _rare = Enumerable.Range(0, 200_000).Select(_ => Word(rng, 3, 4)).ToArray();
            _zipf = new double[_common.Length];
            var sum = 0.0;
            for (var i = 0; i < _zipf.Length; i++) _zipf[i] = sum += 1.0 / (i + 1);
            for (var i = 0; i < _zipf.Length; i++) _zipf[i] /= sum;
        }

        public IEnumerable<string> AllWords() => _common.Concat(_rare);

        /// <summary>A report of event <paramref name="e"/>: its own words redrawn, so two reports of one event differ.</summary>
        public StoryArticle Report(string id, int e, DateTimeOffset published)
        {
            var eventRng = new Random(_seed * 7919 + e);
            var place = Capital(_rare[eventRng.Next(_rare.Length)]);
            var person = Capital(_rare[eventRng.Next(_rare.Length)]);
            var eventWords = Enumerable.Range(0, 6).Select(_ => _rare[eventRng.Next(_rare.Length)]).ToArray();
            // Seeded from the id's characters (string hash codes differ per process): the same reports in every run.
            var rng = new Random(id.Aggregate(_seed * 31 + e, (h, c) => h * 31 + c));
            var title = new StringBuilder();
            title.Append(person).Append(' ');
            for (var i = 0; i < 3; i++) title.Append(eventWords[rng.Next(eventWords.Length)]).Append(' ');
            title.Append(Common(rng)).Append(' ').Append(Common(rng)).Append(" in ").Append(place);
            var text = new StringBuilder();
            for (var s = 0; s < 3; s++)
            {
                text.Append(s == 0 ? person : Capital(Common(rng)));
                for (var i = 0; i < 20; i++)
                {
                    text.Append(' ');
                    var r = rng.NextDouble();
                    text.Append(r < 0.25 ? eventWords[rng.Next(eventWords.Length)] : r < 0.3 ? place : Common(rng));
                }
                text.Append(". ");
            }
            return new StoryArticle(id, title.ToString(), text.ToString().TrimEnd(), published);
        }

        private string Common(Random rng)
        {
            var i = Array.BinarySearch(_zipf, rng.NextDouble());
            return _common[Math.Min(i < 0 ? ~i : i, _common.Length - 1)];
        }

        private static string Word(Random rng, int min, int max)
        {
            var sb = new StringBuilder();
            var n = rng.Next(min, max + 1);
            for (var i = 0; i < n; i++) sb.Append(Syllables[rng.Next(Syllables.Length)]);
            return sb.ToString();
        }

        private static string Capital(string w) => char.ToUpperInvariant(w[0]) + w[1..];
    }
}
