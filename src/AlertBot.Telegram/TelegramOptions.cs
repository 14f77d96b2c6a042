namespace AlertBot.Telegram;

/// <summary>
/// Configuration section "Telegram". The token comes only from the environment
/// (<c>ALERTBOT__TELEGRAM__TOKEN</c>) or user secrets; it is never logged. A class, not a record,
/// so that no generated ToString ever prints the token.
/// </summary>
public sealed class TelegramOptions
{
    public const string SectionName = "Telegram";

    /// <summary>Bot token from @BotFather, "&lt;bot id&gt;:&lt;secret&gt;".</summary>
    public string Token { get; set; } = "";

    /// <summary>Bot API server; change it for a self-hosted telegram-bot-api server or a test fake.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.telegram.org");

    /// <summary>getUpdates long-poll timeout; the server caps it at 50.</summary>
    public int PollTimeoutSeconds { get; set; } = 30;

    /// <summary>Timeout of every call other than getUpdates.</summary>
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>Global send rate (Telegram's bulk guidance is about 30/s).</summary>
    public int MessagesPerSecond { get; set; } = 30;

    /// <summary>Per private chat (Telegram: about 1/s).</summary>
    public int PrivateChatMessagesPerMinute { get; set; } = 60;

    /// <summary>Per group, supergroup or channel (Telegram: at most 20/min).</summary>
    public int GroupMessagesPerMinute { get; set; } = 20;

    /// <summary>A 429 asking to wait longer than this is not waited out in the send path: the outbox retries later.</summary>
    public int MaxRetryAfterSeconds { get; set; } = 60;

    /// <summary>
    /// Allow link previews: the article's under an alert, the first story's under a digest, in channels whose
    /// <c>previews</c> setting is on (a channel can only turn them off). Off by default: feed URLs are untrusted.
    /// </summary>
    public bool LinkPreviews { get; set; }

    /// <summary>Optional webhook mode instead of long polling.</summary>
    public TelegramWebhookOptions Webhook { get; set; } = new();

    /// <summary>How long a group's administrator list is trusted before it is asked again.</summary>
    public int AdminCacheSeconds { get; set; } = 120;
}
