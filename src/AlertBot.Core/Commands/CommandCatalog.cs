using AlertBot.Core.Commands.Groups;

namespace AlertBot.Core.Commands;

/// <summary>
/// The commands the bot offers: the single list that /help, Telegram setMyCommands, Discord registration and the text
/// parser (subcommands included) read. Each entry is defined next to the group that handles it.
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
        StoryCommands.Story,
        FigureCommands.Figures,
        TopicCommands.Topic,
        ChannelCommands.Channel,
    ];

    public static CommandSpec? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A command line's words ("channel set", "topic source add") resolved against the catalog, or null when the first
    /// word is no command. The path says how far the rest was recognised.
    /// </summary>
    public static CommandPath? Resolve(string words)
    {
        var trimmed = words.Trim().TrimStart('/');
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        var root = Find(space < 0 ? trimmed : trimmed[..space]);
        return root is null ? null : CommandPath.Resolve(root, space < 0 ? "" : trimmed[(space + 1)..]);
    }

    /// <summary>The command a mistyped name most likely meant (at most two edits away), or null.</summary>
    public static CommandSpec? Closest(string typed) => EditDistance.Closest(typed, All, c => c.Name);
}
