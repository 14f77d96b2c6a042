namespace AlertBot.Discord;

/// <summary>Configuration section <c>Discord</c> (environment: <c>ALERTBOT__DISCORD__*</c>).</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    /// <summary>Bot token from the Developer Portal (Bot tab). Only from the environment or user secrets; never logged.</summary>
    public string Token { get; set; } = "";

    /// <summary>REST base including the API version.</summary>
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Overrides the URL from <c>GET /gateway/bot</c> (tests, proxies). Normally empty.</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>Application id for command registration; when empty it is taken from READY.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>Register commands in these guilds (instant updates) instead of globally (slow to propagate).</summary>
    public IList<string> CommandGuildIds { get; } = [];

    /// <summary>Register the application commands at start-up (skipped when the definition did not change).</summary>
    public bool RegisterCommands { get; set; } = true;

    public int ShardId { get; set; }
    public int ShardCount { get; set; } = 1;

    /// <summary>Sent in the User-Agent as Discord requires: <c>DiscordBot (url, version)</c>.</summary>
    public string UserAgentUrl { get; set; } = "https://github.com/alertbot/alertbot";

    /// <summary>
    /// How long a command handler may run before the interaction is deferred (type 5) and finished with
    /// PATCH @original. Discord invalidates an interaction not acknowledged within 3 s.
    /// </summary>
    public TimeSpan InteractionReplyWithin { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Keeps 401/403/429 responses far below Discord's 10,000 per 10 minutes (Cloudflare ban).</summary>
    public int MaxInvalidRequestsPer10Minutes { get; set; } = 1000;
}
