using System.Text.Json;

namespace AlertBot.Telegram.Client.Requests;

/// <summary>
/// Long poll. The result stays raw JSON so that one malformed update can be skipped on its own
/// instead of failing the whole batch (and blocking the queue forever).
/// </summary>
public sealed record GetUpdatesRequest(long? Offset, int? Limit, int TimeoutSeconds, IReadOnlyList<string>? AllowedUpdates)
    : TelegramRequest<IReadOnlyList<JsonElement>>("getUpdates")
{
    [System.Text.Json.Serialization.JsonPropertyName("timeout")]
    public int TimeoutSeconds { get; init; } = TimeoutSeconds;

    // The HTTP call must outlive the long poll itself.
    public override TimeSpan? HttpTimeout() => TimeSpan.FromSeconds(TimeoutSeconds + 15);
}
