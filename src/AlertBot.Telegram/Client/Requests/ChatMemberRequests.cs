using AlertBot.Telegram.Client.Types;

namespace AlertBot.Telegram.Client.Requests;

public sealed record GetChatMemberRequest(long ChatId, long UserId) : TelegramRequest<ChatMember>("getChatMember");

public sealed record GetChatAdministratorsRequest(long ChatId) : TelegramRequest<IReadOnlyList<ChatMember>>("getChatAdministrators");
