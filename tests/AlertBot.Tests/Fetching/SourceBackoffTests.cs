using AlertBot.Core.Feeds.Fetching;

namespace AlertBot.Tests.Fetching;

public class SourceBackoffTests
{
    private static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(10);
    private readonly SourceBackoff _backoff = new(TimeSpan.FromHours(6), TimeSpan.FromHours(24));

    [Theory]
    [InlineData(0, 10)]
    [InlineData(1, 20)]
    [InlineData(2, 40)]
    [InlineData(3, 80)]
    [InlineData(4, 160)]
    [InlineData(5, 320)]
    [InlineData(6, 360)]
    [InlineData(7, 360)]
    [InlineData(100, 360)]
    [InlineData(int.MaxValue, 360)]
    public void Each_consecutive_failure_doubles_the_wait_up_to_six_hours(int failures, int expectedMinutes) =>
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), _backoff.Delay(failures, TenMinutes));

    [Fact]
    public void Retry_after_longer_than_the_backoff_is_honoured() =>
        Assert.Equal(TimeSpan.FromHours(2), _backoff.Delay(1, TenMinutes, TimeSpan.FromHours(2)));

    [Fact]
    public void Retry_after_shorter_than_the_backoff_does_not_shorten_it() =>
        Assert.Equal(TimeSpan.FromMinutes(40), _backoff.Delay(2, TenMinutes, TimeSpan.FromSeconds(30)));

    [Fact]
    public void Retry_after_beyond_the_ceiling_is_clamped() =>
        Assert.Equal(TimeSpan.FromHours(24), _backoff.Delay(1, TenMinutes, TimeSpan.FromDays(365)));

    [Fact]
    public void A_source_checked_less_often_than_the_cap_is_never_sped_up() =>
        Assert.Equal(TimeSpan.FromHours(12), _backoff.Delay(3, TimeSpan.FromHours(12)));

    [Fact]
    public void Next_check_is_the_failure_time_plus_the_delay()
    {
        var now = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        Assert.Equal(now.AddMinutes(80), _backoff.NextCheck(now, 3, TenMinutes));
    }

    [Fact]
    public void A_non_positive_interval_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _backoff.Delay(1, TimeSpan.Zero));
}
