namespace AlertBot.Telegram.Adapter;

/// <summary>Polling and WebhookSet count as connected; Stopped is final.</summary>
public enum TelegramConnectionState
{
    Connecting,
    Polling,
    WebhookSet,
    Stopped,
}
