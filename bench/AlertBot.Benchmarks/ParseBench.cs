using System.Diagnostics;
using System.Globalization;
using System.Text;
using AlertBot.Core.Feeds;

namespace AlertBot.Benchmarks;

/// <summary>
/// Parse throughput on one core: a large generated RSS 2.0 feed, Atom feed and JSON Feed (realistic news items
/// with HTML content, entities, extensions), each parsed repeatedly from bytes. Prints MB/s and bytes allocated
/// per input byte. Usage: parse [--mb N] [--seconds S]
/// MB/s is computed from the process's CPU time, not wall time, so it means "on one core" even on a shared,
/// overloaded machine (all work runs on this thread; GC threads' time is counted too). Wall-clock MB/s is
/// printed alongside for reference.
/// </summary>
internal static class ParseBench
{
    public static int Run(string[] args)
    {
        var targetMb = Option(args, "--mb", 8);
        var seconds = Option(args, "--seconds", 3);
        var lines = new List<string>();
        // The default item cap (5,000) would stop early; the point here is the cost per byte of every item.
        var options = new FeedParserOptions { MaxItems = int.MaxValue };
        var url = new Uri("https://bench.example/feed");
        foreach (var (format, document) in new[] { ("rss", Rss(targetMb)), ("atom", Atom(targetMb)), ("json", Json(targetMb)) })
        {
            var bytes = Encoding.UTF8.GetBytes(document);
            var check = FeedParser.Parse(bytes, url, null, options);
            if (check.Feed is null || check.Feed.Items.Count == 0 || check.Warnings.Count > 0)
            {
                Console.Error.WriteLine($"{format}: benchmark document did not parse cleanly: {check.Error} {string.Join("; ", check.Warnings)}");
                return 1;
            }
            for (var i = 0; i < 4; i++) FeedParser.Parse(bytes, url, null, options); // warm-up: tiered JIT settles before timing

            var runs = 0;
            long allocated = 0;
            var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed.TotalSeconds < seconds || runs < 5)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                FeedParser.Parse(bytes, url, null, options);
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                runs++;
            }
            watch.Stop();
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
            var megabytes = bytes.Length * (double)runs / (1024 * 1024);
            var mbPerSecond = megabytes / cpu;
            var allocPerByte = allocated / (double)runs / bytes.Length;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{format}: {bytes.Length / (1024.0 * 1024):F1} MiB, {check.Feed.Items.Count} items, {runs} runs, cpu {cpu:F2} s, wall {watch.Elapsed.TotalSeconds:F1} s ({megabytes / watch.Elapsed.TotalSeconds:F1} MB/s wall)"));
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"parse format={format} MB/s={mbPerSecond:F1} alloc-bytes/byte={allocPerByte:F2}"));
        }
        foreach (var line in lines) Console.WriteLine(line);
        // The parse benchmark ends with the polling figure too (skip it with --no-poll). It runs in a child
        // process: this one's peak working set already holds the parse runs, and poll reports its own peak.
        return args.Contains("--no-poll") ? 0 : RunPollInChildProcess();
    }

    private static int RunPollInChildProcess()
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(typeof(ParseBench).Assembly.Location);
        start.ArgumentList.Add("poll");
        using var child = Process.Start(start)!;
        child.WaitForExit();
        return child.ExitCode;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }

    private static string Paragraphs(int i) =>
        $"<p>Officials said about {i * 37 % 10_000:N0} troops &amp; support staff were moved on day {i % 365}. " +
        "The ministry&#8217;s statement, quoted by several outlets, gave no further detail about the &ldquo;rotation&rdquo; " +
        "or its cost, which analysts put at <b>several million</b> dollars.</p><p>Read more at <a href=\"/more\">our site</a>.</p>";

    private static string Rss(int targetMb)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:media=\"http://search.yahoo.com/mrss/\">\n<channel><title>Bench News</title><link>https://bench.example/</link><description>Benchmark</description>\n");
        for (var i = 0; sb.Length < targetMb * 1024 * 1024; i++)
            sb.Append(CultureInfo.InvariantCulture, $"<item><title>Story {i}: troops &amp; tanks on the move</title><link>https://bench.example/story/{i}</link>")
              .Append(CultureInfo.InvariantCulture, $"<guid isPermaLink=\"false\">story-{i}</guid><pubDate>Tue, 05 Nov 2024 {i % 24:00}:{i % 60:00}:00 GMT</pubDate><dc:creator>Reporter {i % 50}</dc:creator>")
              .Append("<category>World</category><category>Defence</category>")
              .Append(CultureInfo.InvariantCulture, $"<description>{System.Net.WebUtility.HtmlEncode(Paragraphs(i))}</description>")
              .Append(CultureInfo.InvariantCulture, $"<content:encoded><![CDATA[{Paragraphs(i)}{Paragraphs(i + 1)}]]></content:encoded>")
              .Append(CultureInfo.InvariantCulture, $"<media:thumbnail url=\"https://cdn.bench.example/{i}.jpg\"/></item>\n");
        return sb.Append("</channel></rss>").ToString();
    }

    private static string Atom(int targetMb)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"https://bench.example/\"><title>Bench Atom</title><link href=\"/\"/><id>urn:bench</id><updated>2024-11-05T00:00:00Z</updated>\n");
        for (var i = 0; sb.Length < targetMb * 1024 * 1024; i++)
            sb.Append(CultureInfo.InvariantCulture, $"<entry><title type=\"html\">Story {i}: troops &amp;amp; tanks</title><link rel=\"alternate\" href=\"story/{i}\"/><id>urn:bench:{i}</id>")
              .Append(CultureInfo.InvariantCulture, $"<published>2024-11-05T{i % 24:00}:{i % 60:00}:00+01:00</published><updated>2024-11-05T{i % 24:00}:{i % 60:00}:30Z</updated>")
              .Append(CultureInfo.InvariantCulture, $"<author><name>Reporter {i % 50}</name></author><category term=\"world\"/>")
              .Append(CultureInfo.InvariantCulture, $"<summary type=\"html\">{System.Net.WebUtility.HtmlEncode(Paragraphs(i))}</summary>")
              .Append(CultureInfo.InvariantCulture, $"<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">{Paragraphs(i).Replace("&ldquo;", "“", StringComparison.Ordinal).Replace("&rdquo;", "”", StringComparison.Ordinal)}</div></content></entry>\n");
        return sb.Append("</feed>").ToString();
    }

    private static string Json(int targetMb)
    {
        var sb = new StringBuilder("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Bench JSON\",\"home_page_url\":\"https://bench.example/\",\"items\":[\n");
        for (var i = 0; sb.Length < targetMb * 1024 * 1024; i++)
        {
            if (i > 0) sb.Append(",\n");
            sb.Append(CultureInfo.InvariantCulture, $"{{\"id\":\"{i}\",\"url\":\"/story/{i}\",\"title\":\"Story {i}: troops & tanks\",\"date_published\":\"2024-11-05T{i % 24:00}:{i % 60:00}:00Z\",")
              .Append(CultureInfo.InvariantCulture, $"\"tags\":[\"world\"],\"content_html\":{System.Text.Json.JsonSerializer.Serialize(Paragraphs(i) + Paragraphs(i + 1))}}}");
        }
        return sb.Append("]}").ToString();
    }
}
