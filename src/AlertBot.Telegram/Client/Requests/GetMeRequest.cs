using AlertBot.Telegram.Client.Types;

namespace AlertBot.Telegram.Client.Requests;

public sealed record GetMeRequest() : TelegramRequest<User>("getMe");
