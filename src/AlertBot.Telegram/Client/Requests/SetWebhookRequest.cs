namespace AlertBot.Telegram.Client.Requests;

/// <summary>Points Telegram at our https endpoint; while it is set, getUpdates answers 409.</summary>
public sealed record SetWebhookRequest(string Url, string SecretToken, IReadOnlyList<string>? AllowedUpdates = null, int? MaxConnections = null)
    : TelegramRequest<bool>("setWebhook");
