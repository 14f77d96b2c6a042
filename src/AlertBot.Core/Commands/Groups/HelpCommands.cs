using System.Text;

namespace AlertBot.Core.Commands.Groups;

/// <summary>/help: what the bot can do, read from the catalog.</summary>
public sealed class HelpCommands : ICommandGroup
{
    public static CommandSpec Help { get; } = new("help", "Show what the bot can do", false, []);

    public IReadOnlyList<CommandSpec> Commands { get; } = [Help];

    public Task<CommandReply> HandleAsync(CommandSpec command, CommandRequest request, CancellationToken cancellationToken)
    {
        var sb = new StringBuilder("I watch news topics and post new articles with their key figures.\n");
        foreach (var c in CommandCatalog.All)
            sb.Append('\n').Append(c.Usage).Append(" — ").Append(c.Description).Append(c.ModeratorOnly ? " (moderators)" : "");
        sb.Append("\n\nExample: /subscribe nk-russia troops");
        return Task.FromResult(new CommandReply(sb.ToString()));
    }
}
