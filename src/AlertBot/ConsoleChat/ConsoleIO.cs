namespace AlertBot.ConsoleChat;

/// <summary>The console's streams, injectable so tests can type commands and read what the bot printed.</summary>
public sealed class ConsoleIO(TextReader input, TextWriter output)
{
    private readonly Lock _gate = new();

    public TextReader Input { get; } = input;

    /// <summary>Writes a block atomically, so an alert never interleaves with a reply.</summary>
    public void Write(string text)
    {
        lock (_gate)
        {
            output.Write(text);
            output.Flush();
        }
    }
}
