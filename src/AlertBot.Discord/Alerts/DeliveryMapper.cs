using System.Text.Json;
using AlertBot.Core.Delivery;
using AlertBot.Discord.Rest;

namespace AlertBot.Discord.Alerts;

/// <summary>Maps a REST outcome to what the outbox should do with the row.</summary>
internal static class DeliveryMapper
{
    public static DeliveryResult Map(DiscordResponse response)
    {
        if (response.IsSuccess)
        {
            return new DeliveryResult.Delivered(MessageId(response));
        }

        return response.ErrorCode switch
        {
            10003 => new DeliveryResult.TargetGone("The Discord channel no longer exists (10003)."),
            10013 => new DeliveryResult.TargetGone("The Discord user no longer exists (10013)."),
            50001 => new DeliveryResult.TargetGone("The bot can no longer see this Discord channel (50001 missing access): re-add it or grant View Channel."),
            50013 => new DeliveryResult.TargetGone("The bot lacks permissions in this Discord channel (50013): it needs View Channel, Send Messages, Embed Links and Read Message History."),
            50007 => new DeliveryResult.TargetGone("Discord does not allow the bot to DM this user (50007: DMs closed or no shared server)."),
            _ when response.Status == 401 => new DeliveryResult.RetryLater("Discord rejected the bot token (401).", TimeSpan.FromMinutes(10)),
            _ when response.IsTransient => new DeliveryResult.RetryLater(response.Describe(), response.RetryAfter),
            _ => new DeliveryResult.Rejected(response.Describe()),
        };
    }

    private static string? MessageId(DiscordResponse response)
    {
        try
        {
            using var doc = response.Json();
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
