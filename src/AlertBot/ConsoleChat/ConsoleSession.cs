using AlertBot.Core.Commands;

namespace AlertBot.ConsoleChat;

/// <summary>Reads commands line by line, hands them to the command handler and prints each reply.</summary>
public sealed class ConsoleSession(ICommandHandler handler, ConsoleIO io)
{
    /// <summary>Runs until end of input or cancellation.</summary>
    /// <param name="prompt">Show a "> " prompt (interactive use); off for piped input.</param>
    public async Task RunAsync(bool prompt, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            if (prompt) io.Write("> ");
            var line = await io.Input.ReadLineAsync(ct);
            if (line is null) return;
            var request = ConsolePlatform.ParseCommand(line);
            if (request is null) continue;
            var reply = await handler.HandleAsync(request, ct);
            io.Write(Render(reply));
        }
    }

    internal static string Render(CommandReply reply)
    {
        var lines = reply.Text.Split('\n').Select(ConsolePlatform.Sanitize);
        var text = (reply.IsError ? "! " : "") + string.Join('\n', lines) + "\n";
        // The console has no attachments: a file is printed between markers, to copy or redirect.
        if (reply.File is { } file)
            text += $"--- {ConsolePlatform.Sanitize(file.Name)} ---\n" + string.Join('\n', file.Content.Split('\n').Select(ConsolePlatform.Sanitize)) + "\n--- end ---\n";
        return text;
    }
}
