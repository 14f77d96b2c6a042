using System.Text;
using AlertBot.Core.Subscriptions;

namespace AlertBot.Core.Commands.Groups;

/// <summary>/help [command]: what the bot can do, each command's syntax with examples, and the query language.</summary>
public sealed class HelpCommands : ICommandGroup
{
    public static CommandSpec Help { get; } = new("help", "Show what the bot can do; /help <command> for details, /help query for the query language", false,
    [
        new("command", "A command (subscribe, channel set…), or query for the query language", CommandArgKind.Text, Required: false),
    ])
    {
        Examples = ["/help", "/help subscribe", "/help channel set", "/help query"],
    };

    public IReadOnlyList<CommandSpec> Commands { get; } = [Help];

    public Task<CommandReply> HandleAsync(CommandSpec command, CommandRequest request, CancellationToken cancellationToken)
    {
        var topic = request.Arguments.TextOrEmpty("command").TrimStart('/');
        if (topic.Length == 0) return Task.FromResult(new CommandReply(Overview()));
        if (string.Equals(topic, "query", StringComparison.OrdinalIgnoreCase)) return Task.FromResult(new CommandReply(QueryLanguage));
        if (CommandCatalog.Resolve(topic) is { } path)
        {
            if (path.Unknown is null) return Task.FromResult(new CommandReply(Details(path)));
            var closeSub = EditDistance.Closest(path.Unknown, path.Leaf.Subcommands, s => s.Name) is { } sub ? $" Did you mean /help {path.Name} {sub.Name}?" : "";
            return Task.FromResult(CommandReply.Error($"There is no /{path.Name} {ReplyText.Echo(path.Unknown)}.{closeSub} {path.UsageList()}"));
        }
        var guess = CommandCatalog.Closest(topic.Split(' ')[0]) is { } closest ? $" Did you mean /help {closest.Name}?" : "";
        return Task.FromResult(CommandReply.Error($"There is no command /{ReplyText.Echo(topic)}.{guess} /help lists them all."));
    }

    private static string Overview()
    {
        var sb = new StringBuilder("I watch news topics and post new articles with their key figures.\n");
        foreach (var c in CommandCatalog.All)
            sb.Append('\n').Append(c.Usage).Append(" — ").Append(c.Description).Append(c.ModeratorOnly ? " (moderators)" : "");
        sb.Append("\n\nExample: /subscribe nk-russia troops\nDetails and examples: /help <command>. The query language: /help query");
        return sb.ToString();
    }

    /// <summary>A command's syntax, arguments and examples; for a command with subcommands, each of them in one line.</summary>
    private static string Details(CommandPath path)
    {
        var spec = path.Leaf;
        var sb = new StringBuilder(path.Usage).Append('\n').Append(spec.Description).Append('.');
        if (path.ModeratorOnly) sb.Append(" For moderators of the chat.");
        foreach (var arg in spec.Args)
            sb.Append("\n  ").Append(arg.Name).Append(arg.Required ? "" : " (optional)").Append(" — ").Append(arg.Description);
        var subcommands = spec.HasSubcommands ? path.Runnable().ToList() : [];
        foreach (var (_, usage, sub) in subcommands)
            sb.Append("\n  ").Append(usage).Append(" — ").Append(sub.Description);
        var examples = spec.Examples.Concat(subcommands.SelectMany(s => s.Spec.Examples.Take(2))).ToList();
        if (examples.Count > 0)
        {
            sb.Append("\nExamples:");
            foreach (var example in examples) sb.Append("\n  ").Append(example);
        }
        if (subcommands.Count > 0) sb.Append($"\nDetails of one: /help {subcommands[0].Name}");
        return sb.ToString();
    }

    private static readonly string QueryLanguage =
        $"""
        Queries choose which articles of a topic reach you:
          troops casualties — both words (in any order)
          "north korea" — the exact phrase
          troops OR soldiers — either word
          -"squid game" or NOT squid — leave out articles with it
          (troops OR soldiers) kursk — brackets group
          deploy* — any word starting with deploy (at least {QueryLimits.MinPrefixLength} letters before *)
        Case and accents do not matter, and simple word forms match each other (troop/troops, deploy/deployed).
        A query has at most {QueryLimits.MaxLength} characters and {QueryLimits.MaxTerms} words, and needs at least one word to look for.
        Examples: /subscribe nk-russia troops OR soldiers   /latest "north korea" -"squid game"
        """;
}
