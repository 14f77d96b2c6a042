namespace AlertBot.Core.Commands;

/// <summary>
/// The handler of one group of commands (subscriptions, topics, figures…). The dispatcher routes each command of
/// <see cref="Commands"/> here after the checks every command shares (known command, moderator rights, isolation).
/// </summary>
public interface ICommandGroup
{
    /// <summary>The catalog entries this group handles.</summary>
    IReadOnlyList<CommandSpec> Commands { get; }

    /// <summary>
    /// Runs <paramref name="command"/> (the catalog entry; its subcommand, already checked to exist, is
    /// <see cref="CommandRequest.Subcommand"/>).
    /// </summary>
    Task<CommandReply> HandleAsync(CommandSpec command, CommandRequest request, CancellationToken cancellationToken);

    /// <summary>Completions for an argument marked <see cref="CommandArgSpec.SuggestValues"/>.</summary>
    Task<IReadOnlyList<string>> SuggestAsync(string argument, string partial, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
