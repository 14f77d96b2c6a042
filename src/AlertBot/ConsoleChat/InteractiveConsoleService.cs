using Microsoft.Extensions.Hosting;

namespace AlertBot.ConsoleChat;

/// <summary>The Console platform's receive side in <c>run</c> mode: a prompt; end of input stops the bot.</summary>
public sealed class InteractiveConsoleService(ConsoleSession session, ConsoleIO io, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        io.Write(
            """
            AlertBot is running on the Console platform with the sample topic nk-russia.
            Type /help for commands. Try: /subscribe nk-russia troops   (Ctrl-D or Ctrl-C to quit)

            """);
        await session.RunAsync(prompt: true, stoppingToken);
        lifetime.StopApplication();
    }
}
