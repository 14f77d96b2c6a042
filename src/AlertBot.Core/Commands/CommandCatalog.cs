using AlertBot.Core.Commands.Groups;

namespace AlertBot.Core.Commands;

/// <summary>How one command argument is typed; platforms map it to their own option types.</summary>
public enum CommandArgKind { Text, Integer }

/// <param name="Rest">The argument takes the rest of the line (a query).</param>
/// <param name="SuggestTopics">Offer topic ids as completions.</param>
/// <param name="Choices">The only values allowed (Discord shows them as choices).</param>
/// <param name="SuggestValues">The command's group offers completions (<see cref="ICommandGroup.SuggestAsync"/>), e.g. time zones.</param>
public sealed record CommandArgSpec(
    string Name, string Description, CommandArgKind Kind, bool Required, bool Rest = false, bool SuggestTopics = false,
    IReadOnlyList<string>? Choices = null, bool SuggestValues = false);

public sealed record CommandSpec(string Name, string Description, bool ModeratorOnly, IReadOnlyList<CommandArgSpec> Args)
{
    public string Usage => "/" + Name + string.Concat(Args.Select(a => a.Required ? $" <{a.Name}>" : $" [{a.Name}]"));

    /// <summary>Complete command lines that /help &lt;command&gt; shows.</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];
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
        ChannelCommands.Channel,
    ];

    public static CommandSpec? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The command a mistyped name most likely meant (at most two edits away), or null.</summary>
    public static CommandSpec? Closest(string typed)
    {
        if (typed.Length is 0 or > 40) return null;
        var lower = typed.ToLowerInvariant();
        return All.Select(c => (Spec: c, Distance: EditDistance.Between(lower, c.Name)))
            .Where(c => c.Distance <= Math.Min(2, Math.Max(1, c.Spec.Name.Length / 3)))
            .OrderBy(c => c.Distance).Select(c => c.Spec).FirstOrDefault();
    }
}
