using System.Diagnostics;

namespace AlertBot.IntegrationTests.Support;

/// <summary>
/// Runs the real bot (alertbot.dll, copied beside the tests) as a child process, as a user would from a
/// shell: exit code, standard output and standard error. Used where the process itself is what is tested.
/// </summary>
internal static class BotProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static async Task<Result> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "alertbot.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // Nothing from the test runner's own ALERTBOT__ settings leaks in.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ALERTBOT__", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in environment) start.Environment[key] = value;

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"alertbot {string.Join(' ', args)} did not exit within {timeout}; stderr so far:\n{await stderr}");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
