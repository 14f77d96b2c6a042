using System.Diagnostics;
using System.Text;

namespace AlertBot.IntegrationTests.Reliability;

/// <summary>
/// The real bot as a child process (<c>dotnet alertbot.dll &lt;verb&gt;</c>, the build next to the tests), configured
/// through ALERTBOT__ environment variables, its standard output collected. <see cref="Kill"/> is SIGKILL.
/// </summary>
internal sealed class BotProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _reading;

    private BotProcess(Process process)
    {
        _process = process;
        _reading = Task.WhenAll(CopyAsync(process.StandardOutput, _stdout), CopyAsync(process.StandardError, _stderr));
    }

    public static BotProcess Start(string verb, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "alertbot.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add(verb);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.StandardInput.Close();
        return new BotProcess(process);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: no shutdown code runs, as when the machine loses the process.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <returns>The exit code, or null when it was killed; throws when it did not end in time.</returns>
    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"alertbot did not finish within {timeout}. stderr:\n{Stderr}");
        }
        await _reading;
        return _process.ExitCode;
    }

    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    private static async Task CopyAsync(StreamReader reader, StringBuilder into)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (into)
            {
                into.Append(buffer, 0, read);
            }
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
