using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlertBot.Telegram.Client;

/// <summary>The Bot API's JSON conventions: snake_case names, null fields left out, unknown fields ignored.</summary>
internal static class TelegramJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = false,
    };
}
