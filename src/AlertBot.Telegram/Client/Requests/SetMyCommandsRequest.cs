using AlertBot.Telegram.Client.Types;

namespace AlertBot.Telegram.Client.Requests;

public sealed record SetMyCommandsRequest(IReadOnlyList<BotCommand> Commands, BotCommandScope? Scope = null) : TelegramRequest<bool>("setMyCommands");
