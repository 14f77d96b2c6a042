namespace AlertBot.Benchmarks;

internal static class ParseBench
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("parse benchmark: not written yet");
        return 1;
    }
}
