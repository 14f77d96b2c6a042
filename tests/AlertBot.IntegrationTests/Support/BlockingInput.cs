using System.Threading.Channels;

namespace AlertBot.IntegrationTests.Support;

/// <summary>Standard input the test types into, line by line; reading blocks until a line or the end arrives.</summary>
public sealed class BlockingInput : TextReader
{
    private readonly Channel<string?> _lines = Channel.CreateUnbounded<string?>();

    public void Type(string line) => _lines.Writer.TryWrite(line);

    public void End() => _lines.Writer.TryComplete();

    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _lines.Reader.ReadAsync(cancellationToken);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    public override string? ReadLine() => ReadLineAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
}

/// <summary>Standard output the test can wait on.</summary>
public sealed class WatchedOutput : StringWriter
{
    private readonly Lock _gate = new();

    public override void Write(string? value)
    {
        lock (_gate) base.Write(value);
    }

    public override void Write(char value)
    {
        lock (_gate) base.Write(value);
    }

    public string Text
    {
        get { lock (_gate) return ToString(); }
    }

    public async Task<string> WaitForAsync(string fragment, TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (!Text.Contains(fragment, StringComparison.Ordinal))
        {
            if (Environment.TickCount64 > deadline)
                throw new TimeoutException($"'{fragment}' did not appear within {timeout}. Output so far:\n{Text}");
            await Task.Delay(50);
        }
        return Text;
    }
}
