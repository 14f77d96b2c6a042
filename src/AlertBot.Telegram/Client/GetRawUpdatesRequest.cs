using System.Text.Json;
using System.Text.Json.Serialization;
using Telegram.Bot.Requests;
using Telegram.Bot.Types.Enums;

namespace AlertBot.Telegram.Client;

/// <summary>
/// getUpdates through the library's request seam, with each update left as raw JSON: one update the
/// library cannot read is then skipped on its own instead of failing the whole batch (and blocking the
/// queue forever). Each update is read with the library's own <see cref="Telegram.Bot.Types.Update"/>.
/// </summary>
public sealed class GetRawUpdatesRequest() : RequestBase<JsonElement[]>("getUpdates")
{
    public int? Offset { get; set; }

    public int? Limit { get; set; }

    /// <summary>Long-poll timeout in seconds.</summary>
    public int? Timeout { get; set; }

    [JsonPropertyName("allowed_updates")]
    public IEnumerable<UpdateType>? AllowedUpdates { get; set; }
}
