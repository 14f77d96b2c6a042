using System.Globalization;
using AlertBot.Core.Delivery;
using Telegram.Bot.Exceptions;

namespace AlertBot.Telegram.Adapter;

/// <summary>Turns a failed send (the library's exceptions) into what the outbox should do with the row and the target.</summary>
public static class DeliveryErrors
{
    public static DeliveryResult ToResult(Exception ex) => ex switch
    {
        ApiRequestException { Parameters.MigrateToChatId: { } newId } => new DeliveryResult.TargetMoved(newId.ToString(CultureInfo.InvariantCulture)),
        // Blocked by the user, kicked, not a member, user deactivated: permanent for this chat.
        ApiRequestException { ErrorCode: 403 } api => new DeliveryResult.TargetGone(api.Message),
        ApiRequestException { ErrorCode: 400 } api when IsChatGone(api.Message) => new DeliveryResult.TargetGone(api.Message),
        ApiRequestException { ErrorCode: 429 } api => new DeliveryResult.RetryLater(api.Message, api.Parameters?.RetryAfter is { } s ? TimeSpan.FromSeconds(s) : null),
        // A bad token is the bot's problem, not the target's: never disable targets for it. The platform
        // stops (TelegramConnection) and the outbox keeps its rows for when the bot runs with a valid token.
        ApiRequestException { ErrorCode: 401 or 404 } api => new DeliveryResult.RetryLater("Telegram rejected the bot token: " + api.Message, TimeSpan.FromMinutes(5)),
        ApiRequestException { ErrorCode: >= 500 } api => new DeliveryResult.RetryLater(api.Message),
        ApiRequestException { ErrorCode: 400 } api => new DeliveryResult.Rejected(api.Message),
        _ => new DeliveryResult.RetryLater(ex.Message),
    };

    public static bool IsChatGone(string description) =>
        description.Contains("chat not found", StringComparison.OrdinalIgnoreCase)
        || description.Contains("PEER_ID_INVALID", StringComparison.OrdinalIgnoreCase)
        || description.Contains("user is deactivated", StringComparison.OrdinalIgnoreCase);

    public static bool IsParseError(Exception ex) =>
        ex is ApiRequestException { ErrorCode: 400 } api && api.Message.Contains("can't parse entities", StringComparison.OrdinalIgnoreCase);
}
