using AlertBot.Core.Commands.Groups;

namespace AlertBot.Core.Commands;

/// <summary>How one command argument is typed; platforms map it to their own option types.</summary>
public enum CommandArgKind { Text, Integer }

/// <param name="Rest">The argument takes the rest of the line (a query).</param>
/// <param name="SuggestTopics">Offer topic ids as completions.</param>
public sealed record CommandArgSpec(string Name, string Description, CommandArgKind Kind, bool Required, bool Rest = false, bool SuggestTopics = false);

public sealed record CommandSpec(string Name, string Description, bool ModeratorOnly, IReadOnlyList<CommandArgSpec> Args)
{
    public string Usage => "/" + Name + string.Concat(Args.Select(a => a.Required ? $" <{a.Name}>" : $" [{a.Name}]"));
}

/// <summary>
/// The commands the bot offers: the single list that /help, Telegram setMyCommands and Discord registration read.
/// Each entry is defined next to the group that handles it.
/// </summary>
public static class CommandCatalog
{
    public static IReadOnlyList<CommandSpec> All { get; } =
    [
        HelpCommands.Help,
        TopicCommands.Topics,
        SubscriptionCommands.Subscribe,
        SubscriptionCommands.Unsubscribe,
        SubscriptionCommands.Subscriptions,
        TopicCommands.Latest,
        FigureCommands.Figures,
        TopicCommands.Topic,
    ];

    public static CommandSpec? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
