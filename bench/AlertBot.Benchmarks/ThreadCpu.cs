using System.Globalization;

namespace AlertBot.Benchmarks;

/// <summary>
/// CPU time of the process's threads by name, from <c>/proc/self/task</c> (Linux; empty elsewhere): how much of the run's
/// CPU the database writer thread took, which wall-clock busy time cannot tell on a machine with more threads than cores.
/// </summary>
internal static class ThreadCpu
{
    private const double TicksPerSecond = 100; // USER_HZ

    /// <returns>Seconds of user and system time of the live threads whose name starts with <paramref name="prefix"/>.</returns>
    public static double Seconds(string prefix)
    {
        const string tasks = "/proc/self/task";
        if (!Directory.Exists(tasks)) return 0;
        var total = 0.0;
        foreach (var task in Directory.EnumerateDirectories(tasks))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var close = stat.LastIndexOf(')');
                if (!stat.AsSpan(open + 1, close - open - 1).StartsWith(prefix, StringComparison.Ordinal)) continue;
                // Fields after the name: state is the 3rd field of the line; utime and stime are the 14th and 15th.
                var fields = stat[(close + 2)..].Split(' ');
                total += (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
            }
            catch (IOException)
            {
                // The thread ended meanwhile.
            }
        }
        return total;
    }
}
