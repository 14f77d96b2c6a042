using System.Text.Json;

namespace AlertBot.Discord.Gateway;

/// <summary>One op-0 event. <see cref="Data"/> is a detached clone, safe to keep after the frame is gone.</summary>
internal sealed record GatewayDispatch(string Type, JsonElement Data, long? Sequence);
