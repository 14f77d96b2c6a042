namespace AlertBot.Telegram.Client;

/// <summary>
/// Queues sends instead of dropping them: every message first reserves the next free slot in its
/// chat (private chats and groups have their own spacing) and waits for it, then the next global
/// slot (spacing 1/MessagesPerSecond). A 429 pushes the chat's next slot back by retry_after.
/// </summary>
public sealed class SendRateLimiter
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _globalSpacing;
    private readonly TimeSpan _privateSpacing;
    private readonly TimeSpan _groupSpacing;
    private readonly Lock _lock = new();
    private readonly Dictionary<long, DateTimeOffset> _chatNext = [];
    private DateTimeOffset _globalNext = DateTimeOffset.MinValue;

    public SendRateLimiter(TelegramOptions options, TimeProvider time)
    {
        _time = time;
        _globalSpacing = TimeSpan.FromSeconds(1.0 / options.MessagesPerSecond);
        _privateSpacing = TimeSpan.FromMinutes(1.0 / options.PrivateChatMessagesPerMinute);
        _groupSpacing = TimeSpan.FromMinutes(1.0 / options.GroupMessagesPerMinute);
    }

    /// <summary>Reserves the chat's next slot for one message and returns how long to wait for it.</summary>
    public TimeSpan ReserveChat(long chatId)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            var slot = Max(now, _chatNext.GetValueOrDefault(chatId, DateTimeOffset.MinValue));
            // Telegram chat ids: users are positive, groups/supergroups/channels negative.
            _chatNext[chatId] = slot + (chatId > 0 ? _privateSpacing : _groupSpacing);
            if (_chatNext.Count > 10_000) Prune(now);
            return slot - now;
        }
    }

    /// <summary>
    /// Reserves the next global slot. Taken only once the chat's own slot has come, so a long queue
    /// in one chat never holds back messages to other chats.
    /// </summary>
    public TimeSpan ReserveGlobal()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            var slot = Max(now, _globalNext);
            _globalNext = slot + _globalSpacing;
            return slot - now;
        }
    }

    public async Task WaitAsync(long chatId, CancellationToken cancellationToken)
    {
        var wait = ReserveChat(chatId);
        if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, cancellationToken);
        wait = ReserveGlobal();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, cancellationToken);
    }

    /// <summary>Holds every send to this chat for <paramref name="duration"/> (after a 429).</summary>
    public void Pause(long chatId, TimeSpan duration)
    {
        lock (_lock)
        {
            var until = _time.GetUtcNow() + duration;
            _chatNext[chatId] = Max(_chatNext.GetValueOrDefault(chatId, DateTimeOffset.MinValue), until);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (id, next) in _chatNext.ToArray())
            if (next < now) _chatNext.Remove(id);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
