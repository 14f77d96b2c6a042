using AlertBot.Core.Delivery;

namespace AlertBot.Core.Commands;

/// <summary>A chat command, platform-neutral. Built by a platform adapter from its wire format.</summary>
/// <param name="Chat">Where the command was typed; replies and channel subscriptions belong here.</param>
/// <param name="UserId">Platform id of the person who typed it.</param>
/// <param name="UserName">Display name, for logs and audit only.</param>
/// <param name="Name">Command name without slash or @botname, lower case ("subscribe").</param>
/// <param name="Arguments">Everything after the command name, trimmed, as typed.</param>
/// <param name="IsPrivateChat">A direct message: subscriptions are personal.</param>
/// <param name="IsModerator">The platform confirmed moderator rights in this chat (Discord Manage Channels, Telegram administrator).</param>
public sealed record CommandRequest(
    ChatTarget Chat,
    string UserId,
    string? UserName,
    string Name,
    string Arguments,
    bool IsPrivateChat,
    bool IsModerator);
