using AlertBot.Core.Feeds;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace AlertBot.IntegrationTests.Fetching;

public class ServerAnswerTests
{
    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Retry_after_in_seconds_is_reported(int status)
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.RetryAfter = "120";
            return Task.CompletedTask;
        });
        using var fetcher = FetchTestOptions.Fetcher(FetchTestOptions.Loopback());

        var failed = Assert.IsType<FetchResult.Failed>(await fetcher.FetchAsync(server.Url("feed")));
        Assert.Equal(status, failed.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), failed.RetryAfter);
        Assert.False(failed.Permanent);
    }

    [Fact]
    public async Task Retry_after_as_a_date_is_measured_against_the_servers_clock_not_a_skewed_local_one()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.Date = "Sat, 21 Nov 2026 08:00:00 GMT";
            context.Response.Headers.RetryAfter = "Sat, 21 Nov 2026 09:30:00 GMT";
            return Task.CompletedTask;
        });
        // Our clock is a year behind; measured against it the wait would be a year and 90 minutes.
        using var fetcher = FetchTestOptions.Fetcher(FetchTestOptions.Loopback(), new FakeTimeProvider(new DateTimeOffset(2025, 11, 21, 8, 0, 0, TimeSpan.Zero)));

        var failed = Assert.IsType<FetchResult.Failed>(await fetcher.FetchAsync(server.Url("feed")));
        Assert.Equal(TimeSpan.FromMinutes(90), failed.RetryAfter);
    }

    [Fact]
    public async Task Gone_is_permanent()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status410Gone;
            return Task.CompletedTask;
        });
        using var fetcher = FetchTestOptions.Fetcher(FetchTestOptions.Loopback());

        var failed = Assert.IsType<FetchResult.Failed>(await fetcher.FetchAsync(server.Url("feed")));
        Assert.Equal(410, failed.StatusCode);
        Assert.True(failed.Permanent);
        Assert.Contains("gone", failed.Error);
    }

    [Theory]
    [InlineData(404, "not found")]
    [InlineData(500, "500")]
    [InlineData(403, "403")]
    public async Task Other_errors_are_not_permanent_on_their_own(int status, string said)
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });
        using var fetcher = FetchTestOptions.Fetcher(FetchTestOptions.Loopback());

        var failed = Assert.IsType<FetchResult.Failed>(await fetcher.FetchAsync(server.Url("feed")));
        Assert.Equal(status, failed.StatusCode);
        Assert.False(failed.Permanent);
        Assert.Contains(said, failed.Error);
        Assert.Null(failed.RetryAfter);
    }
}
