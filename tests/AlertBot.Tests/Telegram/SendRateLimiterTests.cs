using AlertBot.Telegram;
using AlertBot.Telegram.Client;
using Microsoft.Extensions.Time.Testing;

namespace AlertBot.Tests.Telegram;

public class SendRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private SendRateLimiter Limiter() => new(new TelegramOptions(), _time);

    [Fact]
    public void A_private_chat_gets_one_message_per_second_queued_not_dropped()
    {
        var limiter = Limiter();
        var waits = Enumerable.Range(0, 3).Select(_ => limiter.ReserveChat(42)).ToList();
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], waits);
    }

    [Fact]
    public void A_group_gets_twenty_messages_per_minute()
    {
        var limiter = Limiter();
        limiter.ReserveChat(-100123);
        Assert.Equal(TimeSpan.FromSeconds(3), limiter.ReserveChat(-100123));
    }

    [Fact]
    public void Different_chats_share_only_the_global_rate()
    {
        var limiter = Limiter();
        Assert.All(Enumerable.Range(1, 60), chat => Assert.Equal(TimeSpan.Zero, limiter.ReserveChat(chat)));
        var waits = Enumerable.Range(1, 60).Select(_ => limiter.ReserveGlobal()).ToList();
        // 30 per second overall: the 31st distinct chat waits a full second, none waits for a per-chat slot.
        Assert.Equal(TimeSpan.Zero, waits[0]);
        Assert.InRange(waits[30].TotalMilliseconds, 999, 1001);
        Assert.InRange(waits[59].TotalMilliseconds, 1965, 1968);
    }

    [Fact]
    public void Slots_free_up_as_time_passes()
    {
        var limiter = Limiter();
        limiter.ReserveChat(7);
        limiter.ReserveGlobal();
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.Zero, limiter.ReserveChat(7));
        Assert.Equal(TimeSpan.Zero, limiter.ReserveGlobal());
    }

    [Fact]
    public void A_pause_after_429_holds_that_chat_only()
    {
        var limiter = Limiter();
        limiter.Pause(7, TimeSpan.FromSeconds(12));
        Assert.Equal(TimeSpan.FromSeconds(12), limiter.ReserveChat(7));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, limiter.ReserveChat(8));
        Assert.Equal(TimeSpan.Zero, limiter.ReserveGlobal());
    }
}
