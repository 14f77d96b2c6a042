using Microsoft.Extensions.Options;

namespace AlertBot.Discord;

/// <summary>Collects every problem with the Discord settings, naming the key and never echoing the token.</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token))
        {
            failures.Add("Discord:Token (ALERTBOT__DISCORD__TOKEN) is empty: set it to the bot token from the Developer Portal.");
        }
        else if (options.Token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase) || options.Token.Any(char.IsWhiteSpace))
        {
            failures.Add("Discord:Token must be the bare token: no 'Bot ' prefix, no spaces.");
        }

        if (!IsAbsolute(options.ApiBaseUrl, "http", "https"))
        {
            failures.Add($"Discord:ApiBaseUrl '{options.ApiBaseUrl}' is not an absolute http(s) URL.");
        }

        if (!string.IsNullOrEmpty(options.GatewayUrl) && !IsAbsolute(options.GatewayUrl, "ws", "wss"))
        {
            failures.Add($"Discord:GatewayUrl '{options.GatewayUrl}' is not an absolute ws(s) URL.");
        }

        if (!string.IsNullOrEmpty(options.ApplicationId) && !ulong.TryParse(options.ApplicationId, out _))
        {
            failures.Add($"Discord:ApplicationId '{options.ApplicationId}' is not a snowflake (digits only).");
        }

        foreach (var guild in options.CommandGuildIds.Where(g => !ulong.TryParse(g, out _)))
        {
            failures.Add($"Discord:CommandGuildIds contains '{guild}', which is not a snowflake (digits only).");
        }

        if (options.ShardCount < 1)
        {
            failures.Add($"Discord:ShardCount must be at least 1 (is {options.ShardCount}).");
        }

        if (options.ShardId < 0 || options.ShardId >= options.ShardCount)
        {
            failures.Add($"Discord:ShardId must be in [0, ShardCount) (is {options.ShardId}, ShardCount {options.ShardCount}).");
        }

        if (options.InteractionReplyWithin <= TimeSpan.Zero || options.InteractionReplyWithin > TimeSpan.FromSeconds(2.5))
        {
            failures.Add($"Discord:InteractionReplyWithin must be between 0 and 2.5 s (is {options.InteractionReplyWithin}); Discord's deadline is 3 s.");
        }

        if (options.MaxInvalidRequestsPer10Minutes is < 1 or > 5000)
        {
            failures.Add($"Discord:MaxInvalidRequestsPer10Minutes must be 1..5000 (is {options.MaxInvalidRequestsPer10Minutes}); Discord bans at 10,000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsAbsolute(string? url, params string[] schemes) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);
}
