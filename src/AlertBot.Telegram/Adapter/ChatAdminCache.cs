using System.Collections.Concurrent;
using AlertBot.Telegram.Client;
using AlertBot.Telegram.Client.Requests;
using AlertBot.Telegram.Client.Types;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertBot.Telegram.Adapter;

/// <summary>
/// Decides whether a sender may moderate a group: creator or administrator, from getChatAdministrators
/// (cached briefly per chat), or getChatMember when the list can't be read. Messages sent on behalf
/// of the group itself come from an anonymous administrator and count as one.
/// </summary>
public sealed class ChatAdminCache(TelegramClient client, IOptions<TelegramOptions> options, TimeProvider time, ILogger<ChatAdminCache> logger)
{
    // Placeholder senders that are never a person: GroupAnonymousBot, "Telegram" (auto-forwards), Channel_Bot.
    private static readonly HashSet<long> PlaceholderUsers = [1087968824, 777000, 136817688];

    private readonly ConcurrentDictionary<long, (DateTimeOffset Expires, HashSet<long> Admins)> _cache = new();

    public async Task<bool> IsModeratorAsync(Chat chat, User? from, Chat? senderChat, CancellationToken cancellationToken)
    {
        if (chat.IsPrivate) return false; // a private chat has no moderators; subscriptions there are personal
        if (chat.Type == "channel") return true; // only administrators can post in a channel
        if (senderChat is not null) return senderChat.Id == chat.Id; // anonymous admin yes; a channel speaking in the group no
        if (from is null || PlaceholderUsers.Contains(from.Id)) return false;

        var admins = await AdminsAsync(chat.Id, cancellationToken);
        if (admins is not null) return admins.Contains(from.Id);
        try
        {
            var member = await client.SendRequestAsync(new GetChatMemberRequest(chat.Id, from.Id), cancellationToken);
            return member.IsAdministrator;
        }
        catch (Exception ex) when (ex is TelegramApiException or TelegramNetworkException)
        {
            logger.LogWarning(ex, "Could not check the status of user {UserId} in chat {ChatId}; treating as not a moderator", from.Id, chat.Id);
            return false;
        }
    }

    /// <summary>Forgets a chat's administrators (after a chat_member or my_chat_member update).</summary>
    public void Invalidate(long chatId) => _cache.TryRemove(chatId, out _);

    private async Task<HashSet<long>?> AdminsAsync(long chatId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(chatId, out var entry) && entry.Expires > now) return entry.Admins;
        try
        {
            var list = await client.SendRequestAsync(new GetChatAdministratorsRequest(chatId), cancellationToken);
            var admins = list.Where(m => m.IsAdministrator).Select(m => m.User.Id).ToHashSet();
            _cache[chatId] = (now.AddSeconds(options.Value.AdminCacheSeconds), admins);
            return admins;
        }
        catch (Exception ex) when (ex is TelegramApiException or TelegramNetworkException)
        {
            logger.LogDebug(ex, "getChatAdministrators failed for chat {ChatId}; falling back to getChatMember", chatId);
            return null;
        }
    }
}
