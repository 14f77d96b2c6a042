namespace AlertBot.Benchmarks;

internal static class MatchBench
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("match benchmark: not written yet");
        return 1;
    }
}
