using System.Diagnostics;
using System.Text;
using AlertBot.Core.Feeds;
using AlertBot.Core.Feeds.Parsing;
namespace AlertBot.Benchmarks;
internal static class Prof
{
    public static void Run(string doc)
    {
        var bytes = Encoding.UTF8.GetBytes(doc);
        for (var r = 0; r < 2; r++)
        {
            var t0 = Cpu();
            for (var i = 0; i < 3; i++) FeedDecoder.Decode(bytes, null);
            var t1 = Cpu();
            for (var i = 0; i < 3; i++) LenientXmlParser.Parse(doc, new Uri("https://bench.example/"));
            var t2 = Cpu();
            for (var i = 0; i < 3; i++) FeedParser.Parse(bytes, new Uri("https://bench.example/"), null, new FeedParserOptions { MaxItems = int.MaxValue });
            var t3 = Cpu();
            Console.WriteLine($"decode {(t1 - t0) / 3:F3}s xml {(t2 - t1) / 3:F3}s full {(t3 - t2) / 3:F3}s");
        }
    }
    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
}
