using AlertBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace AlertBot.Core.Commands;

/// <summary>
/// Routes each command of <see cref="CommandCatalog"/> to the group that handles it, after the checks every command
/// shares. Each command runs isolated: a failure becomes an apologetic reply and a log entry, never an exception in
/// the platform's receive loop.
/// </summary>
public sealed class CommandDispatcher : ICommandHandler
{
    private readonly Dictionary<string, ICommandGroup> _groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly TopicStore _topics;
    private readonly ILogger<CommandDispatcher> _logger;

    public CommandDispatcher(IEnumerable<ICommandGroup> groups, TopicStore topics, ILogger<CommandDispatcher> logger)
    {
        foreach (var group in groups)
        {
            foreach (var command in group.Commands)
            {
                if (!_groups.TryAdd(command.Name, group))
                    throw new InvalidOperationException($"Two command groups handle /{command.Name}.");
            }
        }
        if (CommandCatalog.All.FirstOrDefault(c => !_groups.ContainsKey(c.Name)) is { } orphan)
            throw new InvalidOperationException($"No command group handles /{orphan.Name}.");
        _topics = topics;
        _logger = logger;
    }

    public async Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        // Plain text, not a command: a short hint in a direct message, silence in a group (people talk there).
        if (request.Name.Length == 0)
            return request.IsPrivateChat ? new CommandReply("I only understand commands. Type /help to see them, for example /subscribe nk-russia troops.") : CommandReply.None;
        var spec = CommandCatalog.Find(request.Name);
        if (spec is null)
        {
            var guess = CommandCatalog.Closest(request.Name) is { } closest ? $" Did you mean /{closest.Name}?" : "";
            return CommandReply.Error($"Unknown command /{ReplyText.Echo(request.Name)}.{guess} Type /help to see what I can do.");
        }
        // A command that is all for moderators is refused before its subcommand is read; a subcommand for moderators after.
        var path = CommandPath.Resolve(spec, request.Subcommand);
        if (spec.ModeratorOnly && !request.IsModerator) return CommandReply.Error($"/{spec.Name} is for moderators of this chat.");
        if (!path.IsComplete) return CommandReply.Error(path.Problem());
        if (path.ModeratorOnly && !request.IsModerator) return CommandReply.Error($"/{path.Name} is for moderators of this chat.");

        try
        {
            return await _groups[spec.Name].HandleAsync(spec, request, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogError(ex, "Command /{Command} from {Chat} failed", request.Name, request.Chat);
            return CommandReply.Error($"Sorry, /{request.Name} failed on my side. It has been logged; please try again later.");
        }
    }

    /// <param name="command">The command and its subcommand words: "subscribe", "channel set".</param>
    public async Task<IReadOnlyList<string>> SuggestAsync(string command, string argument, string partial, CancellationToken cancellationToken)
    {
        var path = CommandCatalog.Resolve(command);
        var arg = path is { IsComplete: true } ? path.Leaf.Args.FirstOrDefault(a => a.Name == argument) : null;
        if (arg is { SuggestValues: true }) return await _groups[path!.Root.Name].SuggestAsync(argument, partial, cancellationToken);
        if (arg is not { SuggestTopics: true }) return [];
        return (await _topics.ListAsync(cancellationToken))
            .Where(t => t.Id.StartsWith(partial, StringComparison.OrdinalIgnoreCase) || t.Name.Contains(partial, StringComparison.OrdinalIgnoreCase))
            .Select(t => t.Id).Take(25).ToList();
    }
}
