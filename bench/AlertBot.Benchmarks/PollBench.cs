namespace AlertBot.Benchmarks;

internal static class PollBench
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("poll benchmark: not written yet");
        return 1;
    }
}
