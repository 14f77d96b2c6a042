using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AlertBot.Core.Subscriptions;
using AlertBot.Core.Text;

namespace AlertBot.Benchmarks;

/// <summary>
/// Subscription matching: the index (<see cref="SubscriptionMatcher"/>) against evaluating every
/// subscription, for 1k–1M generated subscriptions and 1,000 news-length articles made from the seeds.
///
/// Workload (deterministic, seeded): a vocabulary of the seeds' own words (the story the articles tell)
/// plus 50,000 generated words with Zipf frequencies (everything else people follow: names, places,
/// products). Articles are the seeds with sentences dropped and reordered, numbers changed and ~40
/// Zipf-drawn vocabulary words mixed in (other news on the page). 0.5% of subscriptions are about the
/// seeds' story (their terms come from the seeds), the rest from the wider vocabulary; each has 1–4
/// terms, with phrases, OR groups, exclusions and prefixes. Term statistics are primed with 200
/// articles that are not measured, as a running bot would have seen earlier articles.
/// </summary>
internal static partial class MatchBench
{
    private static readonly int[] Sizes = [1_000, 10_000, 100_000, 1_000_000];
    private const string ArticleTopic = "nk-russia";

    public static int Run(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : Sizes;
        var seeds = LoadSeeds();
        var workload = new Workload(seeds, seed: 7);
        var articles = Enumerable.Range(0, 1000).Select(_ => workload.Article()).ToArray();
        var priming = new Workload(seeds, seed: 99);
        var primingArticles = Enumerable.Range(0, 200).Select(_ => ArticleTokens.From(priming.Article())).ToArray();
        var chars = articles.Sum(a => (long)a.Length);
        var bytes = articles.Sum(a => (long)Encoding.UTF8.GetByteCount(a));
        Console.WriteLine($"articles: {articles.Length}, {chars / articles.Length} characters on average, {bytes / 1e6:F1} MB in all");

        MeasureTokenising(articles, bytes);

        var max = sizes.Max();
        var sw = Stopwatch.StartNew();
        var queries = new List<(string? Topic, Query Query)>(max);
        var rejected = 0;
        while (queries.Count < max)
        {
            var (topic, text) = workload.Subscription();
            if (Query.Parse(text).Query is { } q) queries.Add((topic, q));
            else rejected++;
        }
        Console.WriteLine($"generated and parsed {max:N0} queries in {sw.ElapsedMilliseconds} ms ({rejected} rejected by the parser); e.g.:");
        foreach (var (topic, q) in queries.Where(q => q.Topic is null or ArticleTopic).Take(12)) Console.WriteLine($"  {topic ?? "*"}: {q.Normalized}");
        Console.WriteLine($"{queries.Count(q => q.Topic == ArticleTopic) * 100.0 / max:F2}% of subscriptions are in the articles' topic, {queries.Count(q => q.Topic is null) * 100.0 / max:F0}% span all topics");

        var summary = new List<string>();
        foreach (var size in sizes) summary.Add(RunSize(size, queries, articles, primingArticles, bytes));
        Console.WriteLine();
        foreach (var line in summary) Console.WriteLine(line);
        return 0;
    }

    /// <summary>The floor under every size: tokenising and stemming alone, and matching against no subscriptions.</summary>
    private static void MeasureTokenising(string[] articles, long bytes)
    {
        foreach (var a in articles) ArticleTokens.From(a);
        var clock = CpuClock.Start();
        foreach (var a in articles) ArticleTokens.From(a);
        var (wall, cpu) = clock.Stop();
        if (Environment.GetEnvironmentVariable("MATCHBENCH_PROFILE") == "1")
        {
            clock = CpuClock.Start();
            var n = 0;
            foreach (var a in articles)
            {
                var scanner = new TokenScanner(a);
                while (scanner.MoveNext()) n++;
            }
            Console.WriteLine($"scan only: {articles.Length / clock.Stop().Cpu:F0} articles/s, {n / articles.Length} tokens per article");
            clock = CpuClock.Start();
            foreach (var a in articles)
            {
                var scanner = new TokenScanner(a);
                while (scanner.MoveNext()) TermVocabulary.Shared.Resolve(scanner.Current, false);
            }
            Console.WriteLine($"scan+resolve: {articles.Length / clock.Stop().Cpu:F0} articles/s");
        }
        Console.WriteLine($"tokenise only: {articles.Length / cpu:F0} articles/s per CPU-second ({articles.Length / wall:F0} by the wall clock), {bytes / 1e6 / cpu:F1} MB/s");
    }

    private static string RunSize(int size, List<(string? Topic, Query Query)> queries, string[] articles, ArticleTokens[] priming, long bytes)
    {
        Console.WriteLine();
        Console.WriteLine($"== {size:N0} subscriptions");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var statistics = new TermStatistics();
        foreach (var a in priming) statistics.Observe(a);
        var sw = Stopwatch.StartNew();
        using var matcher = new SubscriptionMatcher(statistics);
        for (var i = 0; i < size; i++) matcher.Add(i, queries[i].Topic, queries[i].Query);
        var buildMs = sw.ElapsedMilliseconds;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var bytesPerSub = (after - before) / (double)size;
        GC.KeepAlive(matcher);

        // Warm-up pass (JIT, word-form cache), then the measured pass. One thread: "articles/s on one core".
        var matches = 0L;
        foreach (var a in articles.Take(200)) matcher.Match(ArticleTopic, a);
        var scratch = MatchScratch.ForCurrentThread();
        var candidatesBefore = scratch.Candidates;
        var clock = CpuClock.Start();
        foreach (var a in articles) matches += matcher.Match(ArticleTopic, a).Count;
        var (wall, seconds) = clock.Stop();
        var candidates = (scratch.Candidates - candidatesBefore) / (double)articles.Length;
        if (Environment.GetEnvironmentVariable("MATCHBENCH_PROFILE") == "1")
        {
            var split = CpuClock.Start();
            var tokenised = articles.Select(ArticleTokens.From).ToArray();
            Console.WriteLine($"tokenise: {split.Stop().Cpu / articles.Length * 1e6:F1} µs per article, {GC.CollectionCount(0)} gen0 {GC.CollectionCount(2)} gen2 GCs so far");
            split = CpuClock.Start();
            foreach (var t in tokenised) matcher.Match(ArticleTopic, t);
            Console.WriteLine($"match only (pre-tokenised): {split.Stop().Cpu / articles.Length * 1e6:F1} µs per article");
            split = CpuClock.Start();
            for (var r = 0; r < 1000; r++) matcher.Match(ArticleTopic, tokenised[r % 4]);
            Console.WriteLine($"match only, 4 articles repeated (hot caches): {split.Stop().Cpu / 1000 * 1e6:F1} µs per article");
        }
        var perArticle = seconds / articles.Length;

        // Naive: tokenise once, then evaluate every subscription. Fewer articles at large sizes.
        var naiveArticles = Math.Clamp(200_000 / size, 2, 200);
        var naiveMatches = 0L;
        var indexMatches = 0L;
        clock = CpuClock.Start();
        for (var k = 0; k < naiveArticles; k++)
        {
            var tokens = ArticleTokens.From(articles[k]);
            for (var i = 0; i < size; i++)
            {
                if ((queries[i].Topic is null || queries[i].Topic == ArticleTopic) && queries[i].Query.Matches(tokens)) naiveMatches++;
            }
        }
        var naivePerArticle = clock.Stop().Cpu / naiveArticles;
        for (var k = 0; k < naiveArticles; k++) indexMatches += matcher.Match(ArticleTopic, articles[k]).Count;
        if (naiveMatches != indexMatches)
        {
            Console.WriteLine($"!! index found {indexMatches} matches where the naive evaluation found {naiveMatches}");
            var tokens = ArticleTokens.From(articles[0]);
            var naive = Enumerable.Range(0, size).Where(i => (queries[i].Topic is null || queries[i].Topic == ArticleTopic) && queries[i].Query.Matches(tokens)).Select(i => (long)i);
            var index = matcher.Match(ArticleTopic, articles[0]);
            var differing = naive.Except(index).Concat(index.Except(naive)).Take(10).ToList();
            foreach (var i in differing)
                Console.WriteLine($"!! differs on #{i} {queries[(int)i].Topic}: {queries[(int)i].Query.Normalized}");
        }

        var rate = articles.Length / seconds;
        var mbps = bytes / 1e6 / seconds;
        var ratio = naivePerArticle / perArticle;
        Console.WriteLine($"index build {buildMs} ms, {bytesPerSub:F0} bytes per subscription");
        Console.WriteLine($"index: {rate:F0} articles/s per CPU-second ({perArticle * 1e6:F0} µs per article; {articles.Length / wall:F0}/s by the wall clock), {mbps:F1} MB/s, {candidates:F1} candidates and {matches / (double)articles.Length:F1} matches per article");
        Console.WriteLine($"naive: {1 / naivePerArticle:F1} articles/s per CPU-second over {naiveArticles} articles ({naivePerArticle * 1e3:F2} ms per article); index is {ratio:F0}x faster");
        return string.Create(CultureInfo.InvariantCulture,
            $"match subs={size} articles/s={rate:F0} MB/s={mbps:F1} vs-naive={ratio:F0}x bytes/sub={bytesPerSub:F0} build-ms={buildMs}");
    }

    /// <summary>
    /// Wall time and process CPU time of a single-threaded section. The machine is shared, so the
    /// wall clock includes time the thread spent waiting for a core; CPU time is what "one core" costs.
    /// </summary>
    private readonly record struct CpuClock(long StartTicks, TimeSpan StartCpu)
    {
        public static CpuClock Start() => new(Stopwatch.GetTimestamp(), Process.GetCurrentProcess().TotalProcessorTime);

        public (double Wall, double Cpu) Stop() =>
            (Stopwatch.GetElapsedTime(StartTicks).TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - StartCpu).TotalSeconds);
    }

    private static string[] LoadSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var seeds = Path.Combine(dir.FullName, "shared", "seeds");
            if (Directory.Exists(seeds)) return [.. Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText)];
        }
        throw new DirectoryNotFoundException("shared/seeds not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\d[\d,]*")]
    private static partial Regex Number();

    /// <summary>Deterministic generator of articles and subscription queries.</summary>
    private sealed class Workload
    {
        private const int WideVocabularySize = 50_000;
        private static readonly string[] Syllables = ["ka", "lo", "mi", "re", "tu", "san", "vel", "dor", "pi", "sha", "ren", "bo", "qui", "zan", "te", "mor", "li", "ga", "nu", "fe"];

        private static readonly HashSet<string> CommonWords =
        [
            "that", "with", "from", "have", "this", "were", "which", "their", "been", "also", "more", "said", "after",
            "will", "would", "about", "than", "they", "there", "other", "into", "since", "while", "over", "what", "when",
            "some", "such", "them", "these", "those", "only", "most", "many", "much", "very", "just", "like", "here",
        ];

        private readonly Random _random;
        private readonly string[][] _seedSentences;
        private readonly string[] _seedWords;
        private readonly string[] _seedTokens;
        private readonly string[] _wideWords;
        private readonly double[] _wideCumulative;
        private readonly double[] _topicCumulative;

        public Workload(string[] seeds, int seed)
        {
            _random = new Random(seed);
            _seedSentences = [.. seeds.Select(s => SentenceBreak().Split(s.Replace('\n', ' ')))];
            // Seed words weighted by how often they occur (repeats in the array), short words left out.
            _seedTokens = [.. seeds.SelectMany(Tokenizer.Tokenize)];
            // Nobody subscribes to "that" or "with": leave out short and very common words.
            _seedWords = [.. _seedTokens.Where(w => w.Length > 3 && !w.Any(char.IsAsciiDigit) && !CommonWords.Contains(w))];
            var generator = new Random(1234);
            var wide = new HashSet<string>();
            while (wide.Count < WideVocabularySize)
            {
                var word = string.Concat(Enumerable.Range(0, generator.Next(2, 5)).Select(_ => Syllables[generator.Next(Syllables.Length)]));
                wide.Add(word);
            }
            _wideWords = [.. wide];
            _wideCumulative = Zipf(_wideWords.Length, offset: 100);
            _topicCumulative = Zipf(1000, offset: 1);
        }

        public string Article()
        {
            var sentences = _seedSentences[_random.Next(_seedSentences.Length)];
            var sb = new StringBuilder();
            foreach (var sentence in sentences)
            {
                if (_random.Next(10) < 2) continue;
                sb.Append(Number().Replace(sentence, _ => _random.Next(1, 20_000).ToString("N0", CultureInfo.InvariantCulture))).Append(' ');
                if (_random.Next(4) == 0) sb.Append(WideWord()).Append(' ').Append(WideWord()).Append(". ");
            }
            for (var i = 0; i < 20; i++) sb.Append(WideWord()).Append(' ');
            return sb.ToString();
        }

        /// <summary>A subscription: 20% span all topics, the rest pick one of 1,000 topics by Zipf popularity (the articles' topic is the 50th).</summary>
        public (string? Topic, string Query) Subscription()
        {
            string? topic = null;
            if (_random.Next(5) != 0)
            {
                var rank = PickZipf(_topicCumulative);
                topic = rank == 49 ? ArticleTopic : $"topic-{rank:D4}";
            }
            // In the articles' topic people refine with the story's own words; elsewhere, with anything.
            var onTopic = topic == ArticleTopic || (topic is null && _random.Next(500) == 0);
            if (topic is not null && _random.Next(20) == 0) return (topic, "");
            return (topic, Query(onTopic));
        }

        private string Query(bool onTopic)
        {
            var count = _random.Next(100) switch { < 30 => 1, < 65 => 2, < 90 => 3, _ => 4 };
            var parts = new List<string>();
            for (var i = 0; i < count; i++) parts.Add(Term(onTopic));
            if (_random.Next(10) == 0) parts[0] = $"({parts[0]} OR {Term(onTopic)})";
            if (_random.Next(10) == 0) parts.Add("-" + Term(onTopic));
            return string.Join(' ', parts);
        }

        private string Term(bool onTopic)
        {
            var word = onTopic ? _seedWords[_random.Next(_seedWords.Length)] : WideWord();
            return _random.Next(100) switch
            {
                < 10 => onTopic ? SeedBigram() : $"\"{word} {WideWord()}\"",
                < 18 => word[..Math.Min(word.Length, _random.Next(4, 7))] + "*",
                _ => word,
            };
        }

        private string SeedBigram()
        {
            var i = _random.Next(_seedTokens.Length - 1);
            return $"\"{_seedTokens[i]} {_seedTokens[i + 1]}\"";
        }

        private string WideWord() => _wideWords[PickZipf(_wideCumulative)];

        private int PickZipf(double[] cumulative)
        {
            var x = _random.NextDouble() * cumulative[^1];
            var index = Array.BinarySearch(cumulative, x);
            return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
        }

        private static double[] Zipf(int count, int offset)
        {
            var cumulative = new double[count];
            var total = 0.0;
            for (var r = 0; r < count; r++) cumulative[r] = total += 1.0 / (r + offset);
            return cumulative;
        }
    }
}
