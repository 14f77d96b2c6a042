using AlertBot.Core.Feeds.Fetching;

namespace AlertBot.Tests.Fetching;

public class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("120", 120)]
    [InlineData(" 0 ", 0)]
    [InlineData("Sat, 21 Nov 2026 08:30:00 GMT", 1800)]      // IMF-fixdate
    [InlineData("Saturday, 21-Nov-26 09:00:00 GMT", 3600)]   // RFC 850
    [InlineData("Sat Nov 21 08:00:10 2026", 10)]             // asctime
    [InlineData("Fri, 20 Nov 2026 08:00:00 GMT", 0)]         // in the past: retry now, never a negative wait
    public void Both_forms_are_read_as_a_wait_from_now(string header, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RetryAfter.Parse(header, Now));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("1.5")]
    public void Unreadable_values_are_ignored(string? header) => Assert.Null(RetryAfter.Parse(header, Now));

    [Fact]
    public void An_absurd_number_of_seconds_saturates_instead_of_overflowing() =>
        Assert.Equal(TimeSpan.MaxValue, RetryAfter.Parse("99999999999999999999999", Now));
}
