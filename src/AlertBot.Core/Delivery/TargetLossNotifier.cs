using AlertBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace AlertBot.Core.Delivery;

/// <summary>
/// When a group or channel can no longer be reached (bot removed, access revoked, channel deleted), the
/// people who subscribed it hear so by direct message: the channel itself is the one place they can't.
/// </summary>
public sealed class TargetLossNotifier(ChatStore chats, SubscriptionStore subscriptions, ILogger<TargetLossNotifier> logger)
{
    /// <summary>Call before the chat is disabled. Never throws for platform trouble.</summary>
    /// <returns>How many people were told.</returns>
    public async Task<int> NotifyAsync(IChatPlatform platform, ChatTarget lost, string reason, CancellationToken ct)
    {
        if (await chats.IsPrivateAsync(lost, ct) is not false) return 0;
        var subs = await subscriptions.ListForChatAsync(lost, ct);
        if (subs.Count == 0) return 0;

        var text = $"I can no longer post alerts to {platform.Name} chat {lost.ChatId} ({reason}). " +
                   $"Its {subs.Count} subscription(s) are paused. Give me back access there and run /subscribe in that chat again to resume.";
        var told = 0;
        foreach (var userId in subs.Select(s => s.UserId).Distinct(StringComparer.Ordinal))
        {
            if (platform.DirectMessageTarget(userId) is not { } dm || dm == lost) continue;
            try
            {
                if (await platform.SendNoticeAsync(dm, text, ct) is DeliveryResult.Delivered) told++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Could not tell {User} that {Target} was lost", userId, lost);
            }
        }
        return told;
    }
}
