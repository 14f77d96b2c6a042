using AlertBot.Core.Delivery;
using AlertBot.Telegram.Client;

namespace AlertBot.Telegram.Adapter;

/// <summary>Turns a failed send into what the outbox should do with the row and the target.</summary>
public static class DeliveryErrors
{
    public static DeliveryResult ToResult(Exception ex) => ex switch
    {
        TelegramApiException { MigrateToChatId: { } newId } => new DeliveryResult.TargetMoved(newId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        // Blocked by the user, kicked, not a member, user deactivated: permanent for this chat.
        TelegramApiException { ErrorCode: 403 } api => new DeliveryResult.TargetGone(api.Description),
        TelegramApiException { ErrorCode: 400 } api when IsChatGone(api.Description) => new DeliveryResult.TargetGone(api.Description),
        TelegramApiException { ErrorCode: 429 } api => new DeliveryResult.RetryLater(api.Description, api.RetryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null),
        // A bad token (401/404) is the bot's problem, not the target's: never disable targets for it.
        TelegramApiException { ErrorCode: 401 or 404 } api => new DeliveryResult.RetryLater("Telegram rejected the bot token: " + api.Description, TimeSpan.FromMinutes(5)),
        TelegramApiException { IsServerError: true } api => new DeliveryResult.RetryLater(api.Description),
        TelegramApiException { ErrorCode: 400 } api => new DeliveryResult.Rejected(api.Description),
        TelegramApiException api => new DeliveryResult.RetryLater(api.Description),
        _ => new DeliveryResult.RetryLater(ex.Message),
    };

    public static bool IsChatGone(string description) =>
        description.Contains("chat not found", StringComparison.OrdinalIgnoreCase)
        || description.Contains("PEER_ID_INVALID", StringComparison.OrdinalIgnoreCase)
        || description.Contains("user is deactivated", StringComparison.OrdinalIgnoreCase);

    public static bool IsParseError(Exception ex) =>
        ex is TelegramApiException { ErrorCode: 400 } api && api.Description.Contains("can't parse entities", StringComparison.OrdinalIgnoreCase);
}
