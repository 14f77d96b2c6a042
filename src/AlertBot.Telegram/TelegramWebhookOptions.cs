namespace AlertBot.Telegram;

/// <summary>
/// Section "Telegram:Webhook". Empty <see cref="Url"/> (the default) means long polling. With a Url,
/// Telegram POSTs updates to it and the bot checks the secret-token header on every request.
/// </summary>
public sealed class TelegramWebhookOptions
{
    /// <summary>The public https URL Telegram posts to (ports 443, 80, 88 or 8443, usually behind a reverse proxy).</summary>
    public Uri? Url { get; set; }

    /// <summary>Where the bot's own web server listens; the proxy forwards <see cref="Url"/>'s path here.</summary>
    public string ListenUrl { get; set; } = "http://0.0.0.0:8443";

    /// <summary>1-256 chars of A-Z a-z 0-9 _ -, sent back by Telegram as X-Telegram-Bot-Api-Secret-Token.</summary>
    public string SecretToken { get; set; } = "";
}
