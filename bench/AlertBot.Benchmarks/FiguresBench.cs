namespace AlertBot.Benchmarks;

internal static class FiguresBench
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("figures benchmark: not written yet");
        return 1;
    }
}
