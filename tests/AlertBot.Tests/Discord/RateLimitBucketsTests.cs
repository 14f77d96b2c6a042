using AlertBot.Discord.Rest;
using Microsoft.Extensions.Time.Testing;

namespace AlertBot.Tests.Discord;

public class RateLimitBucketsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private static readonly RouteKey ChannelA = RouteKey.For(HttpMethod.Post, "/channels/1/messages");
    private static readonly RouteKey ChannelB = RouteKey.For(HttpMethod.Post, "/channels/2/messages");

    [Fact]
    public void Unknown_bucket_lets_requests_through()
    {
        var buckets = new RateLimitBuckets(_time);

        Assert.Equal(TimeSpan.Zero, buckets.TryAcquire(ChannelA, exemptFromGlobal: false));
        Assert.Equal(TimeSpan.Zero, buckets.TryAcquire(ChannelA, exemptFromGlobal: false));
    }

    [Fact]
    public void Exhausted_bucket_waits_until_reset_after()
    {
        var buckets = new RateLimitBuckets(_time);
        buckets.Update(ChannelA, "hash1", remaining: 0, resetAfterSeconds: 1.5);

        Assert.Equal(TimeSpan.FromSeconds(1.5), buckets.TryAcquire(ChannelA, false));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(0.5), buckets.TryAcquire(ChannelA, false));
        _time.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(TimeSpan.Zero, buckets.TryAcquire(ChannelA, false));
    }

    [Fact]
    public void Remaining_requests_are_reserved_one_by_one()
    {
        var buckets = new RateLimitBuckets(_time);
        buckets.Update(ChannelA, "hash1", remaining: 2, resetAfterSeconds: 5);

        Assert.Equal(TimeSpan.Zero, buckets.TryAcquire(ChannelA, false));
        Assert.Equal(TimeSpan.Zero, buckets.TryAcquire(ChannelA, false));
        Assert.Equal(TimeSpan.FromSeconds(5), buckets.TryAcquire(ChannelA, false));
    }

    [Fact]
    public void Another_major_parameter_has_its_own_state_in_the_same_bucket()
    {
        var buckets = new RateLimitBuckets(_time);
        buckets.Update(ChannelA, "hash1", remaining: 0, resetAfterSeconds: 5);

        Assert.Equal("hash1", buckets.BucketOf(ChannelB));
        Assert.Equal(TimeSpan.Zero, buckets.TryAcquire(ChannelB, false));
        Assert.True(buckets.TryAcquire(ChannelA, false) > TimeSpan.Zero);
    }

    [Fact]
    public void Routes_sharing_a_bucket_hash_share_the_limit()
    {
        var buckets = new RateLimitBuckets(_time);
        var edit = RouteKey.For(HttpMethod.Patch, "/channels/1/messages/9");
        buckets.Update(edit, "shared", remaining: 5, resetAfterSeconds: 5);
        buckets.Update(ChannelA, "shared", remaining: 0, resetAfterSeconds: 3);

        Assert.Equal(TimeSpan.FromSeconds(3), buckets.TryAcquire(edit, false));
    }

    [Fact]
    public void Bucket_429_blocks_only_that_bucket()
    {
        var buckets = new RateLimitBuckets(_time);
        buckets.OnBucketLimited(ChannelA, TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(2), buckets.TryAcquire(ChannelA, false));
        Assert.Equal(TimeSpan.Zero, buckets.TryAcquire(ChannelB, false));
    }

    [Fact]
    public void Global_429_blocks_every_route_except_exempt_ones()
    {
        var buckets = new RateLimitBuckets(_time);
        buckets.OnGlobalLimited(TimeSpan.FromSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(3), buckets.TryAcquire(ChannelB, false));
        Assert.Equal(TimeSpan.Zero, buckets.TryAcquire(RouteKey.For(HttpMethod.Post, "/interactions/1/t/callback"), exemptFromGlobal: true));
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(TimeSpan.Zero, buckets.TryAcquire(ChannelB, false));
    }

    [Fact]
    public void Global_rate_is_capped_per_second()
    {
        var buckets = new RateLimitBuckets(_time) { GlobalPerSecond = 3 };
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(TimeSpan.Zero, buckets.TryAcquire(RouteKey.For(HttpMethod.Post, $"/channels/{i + 10}/messages"), false));
        }

        Assert.Equal(TimeSpan.FromSeconds(1), buckets.TryAcquire(ChannelA, false));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, buckets.TryAcquire(ChannelA, false));
    }

    [Fact]
    public void Invalid_request_guard_blocks_at_the_limit_and_recovers_after_ten_minutes()
    {
        var guard = new InvalidRequestGuard(_time, limit: 3);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(TimeSpan.Zero, guard.BlockedFor());
            guard.Record();
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(TimeSpan.FromMinutes(7), guard.BlockedFor());
        _time.Advance(TimeSpan.FromMinutes(7));
        Assert.Equal(TimeSpan.Zero, guard.BlockedFor());
        Assert.Equal(2, guard.Count);
    }
}
