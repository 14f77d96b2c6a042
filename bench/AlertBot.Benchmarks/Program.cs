using AlertBot.Benchmarks;

// Plain console harness: each benchmark prints its figures and ends with one summary line per case.
// Run in Release: dotnet run -c Release --project bench/AlertBot.Benchmarks -- <name>
var name = args.Length > 0 ? args[0] : "";
var rest = args.Skip(1).ToArray();
return name switch
{
    "match" => MatchBench.Run(rest),
    "parse" => ParseBench.Run(rest),
    "poll" => PollBench.Run(rest),
    "figures" => FiguresBench.Run(rest),
    "cluster" => ClusterBench.Run(rest),
    "crash" => CrashBench.Run(rest),
    "ingest" => IngestBench.Run(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: AlertBot.Benchmarks <match|parse|poll|figures|cluster|ingest|crash> [options]");
    return 2;
}
