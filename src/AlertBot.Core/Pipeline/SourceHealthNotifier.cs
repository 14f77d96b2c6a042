using AlertBot.Core.Delivery;
using AlertBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace AlertBot.Core.Pipeline;

/// <summary>
/// Tells a topic's moderators when one of its sources starts failing, is disabled, or recovers. The caller decides
/// when (once per episode, from the source's stored state); this only finds the chats and sends, each isolated.
/// </summary>
public sealed class SourceHealthNotifier(SubscriptionStore subscriptions, IEnumerable<IChatPlatform> platforms, ILogger<SourceHealthNotifier> logger)
{
    private readonly Dictionary<string, IChatPlatform> _platforms = platforms.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    public Task FailingAsync(TopicRecord topic, string url, string error, long failures, DateTimeOffset nextCheck, CancellationToken ct) =>
        SendAsync(topic, $"⚠ A source of \"{topic.Name}\" is failing: {url}\n{error}\n{failures} checks in a row have failed; " +
                         $"next try {nextCheck.UtcDateTime:yyyy-MM-dd HH:mm} UTC. You will hear from me again when it recovers.", ct);

    public Task DisabledAsync(TopicRecord topic, string url, string error, CancellationToken ct) =>
        SendAsync(topic, $"⛔ A source of \"{topic.Name}\" was disabled: {url}\n{error}\nIt will not be checked again; replace or remove it.", ct);

    public Task RecoveredAsync(TopicRecord topic, string url, long failures, CancellationToken ct) =>
        SendAsync(topic, $"✅ A source of \"{topic.Name}\" works again: {url} (after {failures} failed checks).", ct);

    private async Task SendAsync(TopicRecord topic, string text, CancellationToken ct)
    {
        foreach (var chat in await subscriptions.ModeratorChatsAsync(topic.Id, ct))
        {
            // A platform not running in this process (no token) cannot be told; its moderators see /topic status.
            if (!_platforms.TryGetValue(chat.Platform, out var platform)) continue;
            try
            {
                var result = await platform.SendNoticeAsync(chat, text, ct);
                if (result is not DeliveryResult.Delivered)
                    logger.LogWarning("Source notice to {Chat} was not delivered: {Result}", chat, result);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Source notice to {Chat} failed", chat);
            }
        }
    }
}
