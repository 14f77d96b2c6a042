using System.Text.Json.Nodes;

namespace AlertBot.Discord.Gateway;

/// <summary>The frames the client sends (PROTOCOLS.md A2.3–A2.6). The token goes only into these, never into logs.</summary>
internal static class GatewayPayloads
{
    public static JsonObject Identify(DiscordOptions options) => new()
    {
        ["op"] = 2,
        ["d"] = new JsonObject
        {
            ["token"] = options.Token,
            ["intents"] = GatewayClient.Intents,
            ["properties"] = new JsonObject { ["os"] = Environment.OSVersion.Platform.ToString().ToLowerInvariant(), ["browser"] = "alertbot", ["device"] = "alertbot" },
            ["shard"] = new JsonArray(options.ShardId, options.ShardCount),
        },
    };

    public static JsonObject Resume(string token, GatewaySession session) => new()
    {
        ["op"] = 6,
        ["d"] = new JsonObject { ["token"] = token, ["session_id"] = session.SessionId, ["seq"] = session.Sequence },
    };

    /// <summary><c>d</c> is the last sequence number, or null before the first dispatch (not 0).</summary>
    public static JsonObject Heartbeat(long? sequence) => new() { ["op"] = 1, ["d"] = sequence };

    /// <summary>Gateway URLs may or may not end in '/'; the version and encoding go in the query either way.</summary>
    public static Uri WithQuery(string url) => new UriBuilder(url) { Query = "v=10&encoding=json" }.Uri;
}
