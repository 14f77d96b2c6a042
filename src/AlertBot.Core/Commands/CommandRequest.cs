using AlertBot.Core.Delivery;

namespace AlertBot.Core.Commands;

/// <summary>A chat command, platform-neutral. Built by a platform adapter from its wire format.</summary>
/// <param name="Chat">Where the command was typed; replies and channel subscriptions belong here.</param>
/// <param name="UserId">Platform id of the person who typed it.</param>
/// <param name="UserName">Display name, for logs and audit only.</param>
/// <param name="Name">Command name without slash or @botname, lower case ("subscribe").</param>
/// <param name="Arguments">The named arguments, typed as the catalog declares them.</param>
/// <param name="IsPrivateChat">A direct message: subscriptions are personal.</param>
/// <param name="IsModerator">The platform confirmed moderator rights in this chat (Discord Manage Channels, Telegram administrator).</param>
public sealed record CommandRequest(
    ChatTarget Chat,
    string UserId,
    string? UserName,
    string Name,
    CommandArguments Arguments,
    bool IsPrivateChat,
    bool IsModerator)
{
    /// <summary>
    /// What the platform says the bot lacks to post alerts in this chat (Discord: "Send Messages, Embed Links"),
    /// or null when nothing is known to be missing. Subscribing such a chat is refused.
    /// </summary>
    public string? MissingAlertPermissions { get; init; }

    /// <summary>
    /// The community the chat belongs to on its platform (a Discord server's id), or null when the chat is its own
    /// community (a Telegram group, a direct message, the console).
    /// </summary>
    public string? Community { get; init; }

    /// <summary>The file sent with the command (an OPML list to import), or null.</summary>
    public CommandAttachment? Attachment { get; init; }

    /// <summary>Who owns the community topics made here: "platform:community".</summary>
    public string CommunityKey => $"{Chat.Platform}:{Community ?? Chat.ChatId}";

    /// <summary>Where this community's audit entries are kept: the community's own key, for every channel of it.</summary>
    public ChatTarget CommunityTarget => new(Chat.Platform, Community ?? Chat.ChatId);

    /// <summary>The subcommand chosen ("set", "source add"), or "" for a command without subcommands.</summary>
    public string Subcommand => Arguments.Subcommand;

    /// <summary>A request typed as text (console, Telegram): the subcommand and arguments are read by the command's catalog entry.</summary>
    public static CommandRequest FromText(ChatTarget chat, string userId, string? userName, string name, string arguments, bool isPrivateChat, bool isModerator) =>
        new(chat, userId, userName, name, CommandArguments.Parse(CommandCatalog.Find(name), arguments), isPrivateChat, isModerator);
}
