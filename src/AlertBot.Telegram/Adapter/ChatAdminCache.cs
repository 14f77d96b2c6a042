using System.Collections.Concurrent;
using AlertBot.Telegram.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace AlertBot.Telegram.Adapter;

/// <summary>
/// Decides whether a sender may moderate a group: creator or administrator, from getChatAdministrators
/// (cached briefly per chat), or getChatMember when the list can't be read. Messages sent on behalf
/// of the group itself come from an anonymous administrator and count as one.
/// </summary>
public sealed class ChatAdminCache(BotApiClient client, IOptions<TelegramOptions> options, TimeProvider time, ILogger<ChatAdminCache> logger)
{
    // Placeholder senders that are never a person: GroupAnonymousBot, "Telegram" (auto-forwards), Channel_Bot.
    private static readonly HashSet<long> PlaceholderUsers = [1087968824, 777000, 136817688];

    private readonly ConcurrentDictionary<long, (DateTimeOffset Expires, HashSet<long> Admins)> _cache = new();

    public async Task<bool> IsModeratorAsync(Chat chat, User? from, Chat? senderChat, CancellationToken cancellationToken)
    {
        if (chat.Type == ChatType.Private) return false; // a private chat has no moderators; subscriptions there are personal
        if (chat.Type == ChatType.Channel) return true; // only administrators can post in a channel
        if (senderChat is not null) return senderChat.Id == chat.Id; // anonymous admin yes; a channel speaking in the group no
        if (from is null || PlaceholderUsers.Contains(from.Id)) return false;

        var admins = await AdminsAsync(chat.Id, cancellationToken);
        if (admins is not null) return admins.Contains(from.Id);
        try
        {
            var member = await client.GetChatMember(chat.Id, from.Id, cancellationToken);
            return IsAdministrator(member);
        }
        catch (RequestException ex)
        {
            logger.LogWarning(ex, "Could not check the status of user {UserId} in chat {ChatId}; treating as not a moderator", from.Id, chat.Id);
            return false;
        }
    }

    /// <summary>Forgets a chat's administrators (after a chat_member or my_chat_member update).</summary>
    public void Invalidate(long chatId) => _cache.TryRemove(chatId, out _);

    private static bool IsAdministrator(ChatMember member) => member.Status is ChatMemberStatus.Creator or ChatMemberStatus.Administrator;

    private async Task<HashSet<long>?> AdminsAsync(long chatId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(chatId, out var entry) && entry.Expires > now) return entry.Admins;
        try
        {
            var list = await client.GetChatAdministrators(chatId, cancellationToken: cancellationToken);
            var admins = list.Where(IsAdministrator).Select(m => m.User.Id).ToHashSet();
            _cache[chatId] = (now.AddSeconds(options.Value.AdminCacheSeconds), admins);
            return admins;
        }
        catch (RequestException ex)
        {
            logger.LogDebug(ex, "getChatAdministrators failed for chat {ChatId}; falling back to getChatMember", chatId);
            return null;
        }
    }
}
