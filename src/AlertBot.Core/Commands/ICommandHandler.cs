namespace AlertBot.Core.Commands;

/// <summary>All command logic. Platforms call this and render the reply; they hold no logic of their own.</summary>
public interface ICommandHandler
{
    /// <summary>Handles one command. Never throws for bad input: that is a reply with <see cref="CommandReply.IsError"/>.</summary>
    Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Suggestions for a partially typed argument (Discord autocomplete): topic ids for "topic".
    /// <paramref name="command"/> is the command with its subcommand words ("subscribe", "channel set").
    /// </summary>
    Task<IReadOnlyList<string>> SuggestAsync(string command, string argument, string partial, CancellationToken cancellationToken);
}
