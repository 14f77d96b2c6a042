namespace AlertBot.Telegram.Client.Requests;

/// <summary>Removes a leftover webhook so that getUpdates does not answer 409; pending updates are kept.</summary>
public sealed record DeleteWebhookRequest(bool DropPendingUpdates = false) : TelegramRequest<bool>("deleteWebhook");
