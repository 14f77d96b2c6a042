using AlertBot.Core.Feeds.Fetching;

namespace AlertBot.Tests.Fetching;

public class HostConcurrencyLimiterTests
{
    [Fact]
    public async Task A_host_at_its_limit_makes_the_next_request_wait_until_a_slot_is_released()
    {
        var limiter = new HostConcurrencyLimiter(2);
        var first = await limiter.AcquireAsync("feeds.example", CancellationToken.None);
        using var second = await limiter.AcquireAsync("FEEDS.example", CancellationToken.None);

        var third = limiter.AcquireAsync("feeds.example", CancellationToken.None).AsTask();
        Assert.False(third.IsCompleted);

        first.Dispose();
        using var granted = await third;
    }

    [Fact]
    public async Task Another_host_is_not_held_up_by_a_busy_one()
    {
        var limiter = new HostConcurrencyLimiter(1);
        using var busy = await limiter.AcquireAsync("busy.example", CancellationToken.None);

        var other = limiter.AcquireAsync("quiet.example", CancellationToken.None);
        Assert.True(other.IsCompletedSuccessfully);
        using var lease = await other;
    }

    [Fact]
    public async Task A_waiting_request_can_be_cancelled()
    {
        var limiter = new HostConcurrencyLimiter(1);
        using var busy = await limiter.AcquireAsync("busy.example", CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync("busy.example", cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
