using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AlertBot.Telegram;

/// <summary>Collects every problem with the "Telegram" section, naming the key; never echoes the token.</summary>
public sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    [GeneratedRegex(@"^\d+:[A-Za-z0-9_-]{20,}$")]
    private static partial Regex TokenShape();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretShape();

    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var failures = new List<string>();
        const string s = TelegramOptions.SectionName;
        if (string.IsNullOrWhiteSpace(options.Token))
            failures.Add($"{s}:Token is empty; set ALERTBOT__TELEGRAM__TOKEN to the token from @BotFather.");
        else if (!TokenShape().IsMatch(options.Token))
            failures.Add($"{s}:Token does not look like '<bot id>:<secret>' as issued by @BotFather (value not shown).");
        if (options.BaseUrl is not { IsAbsoluteUri: true } || (options.BaseUrl.Scheme != Uri.UriSchemeHttps && options.BaseUrl.Scheme != Uri.UriSchemeHttp))
            failures.Add($"{s}:BaseUrl must be an absolute http(s) URL, got '{options.BaseUrl}'.");
        if (options.PollTimeoutSeconds is < 0 or > 50)
            failures.Add($"{s}:PollTimeoutSeconds must be between 0 and 50, got {options.PollTimeoutSeconds}.");
        if (options.RequestTimeoutSeconds is < 1 or > 300)
            failures.Add($"{s}:RequestTimeoutSeconds must be between 1 and 300, got {options.RequestTimeoutSeconds}.");
        if (options.MessagesPerSecond < 1)
            failures.Add($"{s}:MessagesPerSecond must be at least 1, got {options.MessagesPerSecond}.");
        if (options.PrivateChatMessagesPerMinute < 1)
            failures.Add($"{s}:PrivateChatMessagesPerMinute must be at least 1, got {options.PrivateChatMessagesPerMinute}.");
        if (options.GroupMessagesPerMinute < 1)
            failures.Add($"{s}:GroupMessagesPerMinute must be at least 1, got {options.GroupMessagesPerMinute}.");
        if (options.MaxRetryAfterSeconds < 0)
            failures.Add($"{s}:MaxRetryAfterSeconds must not be negative, got {options.MaxRetryAfterSeconds}.");
        if (options.AdminCacheSeconds < 0)
            failures.Add($"{s}:AdminCacheSeconds must not be negative, got {options.AdminCacheSeconds}.");
        if (options.Webhook.Url is { } hook)
        {
            if (!hook.IsAbsoluteUri || hook.Scheme != Uri.UriSchemeHttps)
                failures.Add($"{s}:Webhook:Url must be an absolute https URL (Telegram posts only to https), got '{hook}'.");
            if (!SecretShape().IsMatch(options.Webhook.SecretToken ?? ""))
                failures.Add($"{s}:Webhook:SecretToken must be 1-256 characters of A-Z, a-z, 0-9, _ and - when a webhook is used (value not shown).");
            if (!Uri.TryCreate(options.Webhook.ListenUrl, UriKind.Absolute, out var listen) || (listen.Scheme != Uri.UriSchemeHttp && listen.Scheme != Uri.UriSchemeHttps))
                failures.Add($"{s}:Webhook:ListenUrl must be an absolute http(s) URL such as http://0.0.0.0:8443, got '{options.Webhook.ListenUrl}'.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
