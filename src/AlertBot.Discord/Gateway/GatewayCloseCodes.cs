namespace AlertBot.Discord.Gateway;

/// <summary>What to do after the server closed the socket, by close code (PROTOCOLS.md A2.8).</summary>
internal static class GatewayCloseCodes
{
    public static ConnectionEnd Classify(int? code, string? description)
    {
        var reason = $"closed by Discord with {code?.ToString() ?? "no code"}" + (string.IsNullOrEmpty(description) ? "" : $" ({description})");
        return code switch
        {
            4004 => ConnectionEnd.Fatal(code, "Discord rejected the bot token (gateway close 4004, authentication failed). " +
                "Set ALERTBOT__DISCORD__TOKEN to the token shown on the Bot tab of your application in the Discord Developer Portal " +
                "(use 'Reset Token' if it was lost or leaked), without a 'Bot ' prefix."),
            4010 => ConnectionEnd.Fatal(code, "Discord refused the shard (gateway close 4010, invalid shard). " +
                "Discord:ShardId must be at least 0 and below Discord:ShardCount."),
            4011 => ConnectionEnd.Fatal(code, "Discord requires sharding (gateway close 4011): the bot is in too many guilds for one shard. " +
                "Set Discord:ShardCount to at least the 'shards' value returned by GET /gateway/bot and run one process per ShardId."),
            4012 => ConnectionEnd.Fatal(code, "Discord rejected the gateway API version (close 4012). Use API v10: check Discord:GatewayUrl and ApiBaseUrl."),
            4013 => ConnectionEnd.Fatal(code, "Discord rejected the intents value (gateway close 4013, invalid intents). This is a bug in AlertBot's identify payload."),
            4014 => ConnectionEnd.Fatal(code, "Discord refused a privileged intent that is not enabled for this application (gateway close 4014). " +
                "AlertBot only needs the non-privileged GUILDS intent; if you changed the intents, enable them on the Bot tab of the Developer Portal or remove them."),
            4007 or 4009 => ConnectionEnd.Reidentify(reason, delay: null),
            _ => ConnectionEnd.Resume(reason, immediate: false),
        };
    }
}

internal enum ConnectionEndKind { Resume, Reidentify, Fatal }

/// <summary>How one connection ended and what the next one should do.</summary>
internal sealed record ConnectionEnd(ConnectionEndKind Kind, string Reason, TimeSpan? Delay, bool Immediate, int? CloseCode)
{
    /// <summary>READY or RESUMED was seen: the link worked, so the reconnect backoff starts over.</summary>
    public bool WasHealthy { get; set; }

    /// <summary>The socket never opened (DNS, TCP, TLS or HTTP upgrade failed).</summary>
    public bool ConnectFailed { get; init; }

    public static ConnectionEnd Resume(string reason, bool immediate, TimeSpan? delay = null) => new(ConnectionEndKind.Resume, reason, delay, immediate, null);

    public static ConnectionEnd Reidentify(string reason, TimeSpan? delay) => new(ConnectionEndKind.Reidentify, reason, delay, false, null);

    public static ConnectionEnd Fatal(int? code, string message) => new(ConnectionEndKind.Fatal, message, null, false, code);
}
