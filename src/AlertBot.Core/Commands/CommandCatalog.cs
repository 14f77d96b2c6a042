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

/// <summary>The commands the bot offers: the single list that /help, Telegram setMyCommands and Discord registration read.</summary>
public static class CommandCatalog
{
    public static IReadOnlyList<CommandSpec> All { get; } =
    [
        new("help", "Show what the bot can do", false, []),
        new("topics", "List the topics the bot watches", false, []),
        new("subscribe", "Get alerts for a topic, optionally only those matching a query", false,
        [
            new("topic", "Topic id (see /topics), or * for every topic", CommandArgKind.Text, Required: true, SuggestTopics: true),
            new("query", "Keywords, \"phrases\", OR, -exclude, prefix*", CommandArgKind.Text, Required: false, Rest: true),
        ]),
        new("unsubscribe", "Stop a subscription", false,
        [
            new("id", "Subscription id (see /subscriptions)", CommandArgKind.Integer, Required: true),
        ]),
        new("subscriptions", "List the subscriptions of this chat", false, []),
        new("latest", "Show the latest articles of a topic, or those matching a query", false,
        [
            new("topic", "Topic id (see /topics), or a query to search every topic", CommandArgKind.Text, Required: true, SuggestTopics: true),
            new("n", "How many (1-10), or a query within the topic", CommandArgKind.Text, Required: false, Rest: true),
        ]),
        new("figures", "Show the latest figures of a topic: estimates side by side, who claims them", false,
        [
            new("topic", "Topic id (see /topics), or keywords to search all topics", CommandArgKind.Text, Required: true, SuggestTopics: true),
            new("query", "Only figures whose sentence matches these keywords", CommandArgKind.Text, Required: false, Rest: true),
        ]),
        new("topic", "Moderators: the health of a topic's sources (last success, last error, next check)", true,
        [
            new("action", "status", CommandArgKind.Text, Required: true),
            new("topic", "Topic id (see /topics); all topics when left out", CommandArgKind.Text, Required: false, SuggestTopics: true),
        ]),
    ];

    public static CommandSpec? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
