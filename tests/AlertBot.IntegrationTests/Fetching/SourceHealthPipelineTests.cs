using AlertBot.Hosting;
using AlertBot.Cli;
using AlertBot.ConsoleChat;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AlertBot.IntegrationTests.Fetching;

/// <summary>Fetch state through the real source-check pipeline, host and SQLite file.</summary>
public class SourceHealthPipelineTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(PipelineHarness.IntervalSeconds);

    private static RequestDelegate Status(int status, string? retryAfter = null) => context =>
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null) context.Response.Headers.RetryAfter = retryAfter;
        return Task.CompletedTask;
    };

    [Fact]
    public async Task Validators_are_stored_per_source_and_the_next_check_is_conditional()
    {
        await using var h = await PipelineHarness.StartAsync();
        h.Respond = async context =>
        {
            if (context.Request.Headers.IfNoneMatch == "\"v1\"") { context.Response.StatusCode = 304; return; }
            context.Response.Headers.ETag = "\"v1\"";
            context.Response.Headers.LastModified = "Wed, 18 Nov 2026 10:00:00 GMT";
            await context.Response.WriteAsync(FetchTestOptions.Rss);
        };

        Assert.Null((await h.CheckAsync()).Error);
        var stored = await h.SourceAsync();
        Assert.Equal("\"v1\"", stored.Etag);
        Assert.Equal("Wed, 18 Nov 2026 10:00:00 GMT", stored.LastModified);

        var second = await h.CheckAsync();
        Assert.True(second.NotModified);
        Assert.Equal("/feed If-None-Match: \"v1\"", h.Requests.Last());
        Assert.Equal(h.Clock.GetUtcNow() + Interval, (await h.SourceAsync()).NextCheckAt);
    }

    [Fact]
    public async Task A_permanent_redirect_updates_the_stored_url()
    {
        await using var h = await PipelineHarness.StartAsync("old");
        h.Respond = async context =>
        {
            if (context.Request.Path == "/old") { context.Response.StatusCode = 301; context.Response.Headers.Location = "/new"; return; }
            await context.Response.WriteAsync(FetchTestOptions.Rss);
        };

        Assert.Null((await h.CheckAsync()).Error);
        Assert.Equal(h.Server.Url("new").ToString(), (await h.SourceAsync()).Url);

        h.Requests.Clear();
        await h.CheckAsync();
        Assert.Equal(["/new"], h.Requests);
    }

    [Fact]
    public async Task A_temporary_redirect_keeps_the_stored_url()
    {
        await using var h = await PipelineHarness.StartAsync("old");
        h.Respond = async context =>
        {
            if (context.Request.Path == "/old") { context.Response.StatusCode = 302; context.Response.Headers.Location = "/new"; return; }
            await context.Response.WriteAsync(FetchTestOptions.Rss);
        };

        Assert.Null((await h.CheckAsync()).Error);
        Assert.Equal(h.Server.Url("old").ToString(), (await h.SourceAsync()).Url);
    }

    [Fact]
    public async Task Gone_disables_the_source_and_tells_its_moderators()
    {
        await using var h = await PipelineHarness.StartAsync();
        h.Respond = Status(410);

        var result = await h.CheckAsync();
        await h.DeliverAsync();
        Assert.Null(result.NextCheckAt);
        var source = await h.SourceAsync();
        Assert.True(source.Disabled);
        Assert.Contains("gone", source.LastError);
        var notice = Assert.Single(h.Platform.NoticesTo(PipelineHarness.ModeratedChannel));
        Assert.Contains("disabled", notice);
        Assert.Contains(source.Url, notice);
        Assert.Empty(h.Platform.NoticesTo(PipelineHarness.PersonalChat));

        await h.CheckAsync();
        Assert.Single(h.Requests);
    }

    [Fact]
    public async Task Repeated_404s_disable_the_source_but_one_does_not()
    {
        await using var h = await PipelineHarness.StartAsync();
        h.Respond = Status(404);

        await h.CheckAsync();
        await h.CheckAsync();
        var afterTwo = await h.SourceAsync();
        Assert.False(afterTwo.Disabled);
        Assert.Equal(2, afterTwo.NotFoundCount);

        await h.CheckAsync();
        var afterThree = await h.SourceAsync();
        Assert.True(afterThree.Disabled);
        Assert.Contains("3 checks in a row", afterThree.LastError);
    }

    [Fact]
    public async Task A_success_between_404s_resets_their_count()
    {
        await using var h = await PipelineHarness.StartAsync();
        h.Respond = Status(404);
        await h.CheckAsync();
        await h.CheckAsync();
        h.Respond = context => context.Response.WriteAsync(FetchTestOptions.Rss);
        await h.CheckAsync();
        h.Respond = Status(404);
        await h.CheckAsync();

        var source = await h.SourceAsync();
        Assert.False(source.Disabled);
        Assert.Equal(1, source.NotFoundCount);
    }

    [Fact]
    public async Task A_failing_source_backs_off_exponentially_and_keeps_its_last_error()
    {
        await using var h = await PipelineHarness.StartAsync();
        h.Respond = Status(500);

        await h.CheckAsync();
        var first = await h.SourceAsync();
        Assert.Equal(h.Clock.GetUtcNow() + 2 * Interval, first.NextCheckAt);
        Assert.Equal(1, first.ErrorCount);
        Assert.Contains("500", first.LastError);

        h.Clock.Advance(2 * Interval);
        await h.CheckAsync();
        Assert.Equal(h.Clock.GetUtcNow() + 4 * Interval, (await h.SourceAsync()).NextCheckAt);

        h.Respond = Status(429, retryAfter: "7200"); // longer than the 8 intervals the backoff would give
        h.Clock.Advance(4 * Interval);
        await h.CheckAsync();
        var third = await h.SourceAsync();
        Assert.Equal(h.Clock.GetUtcNow() + TimeSpan.FromHours(2), third.NextCheckAt);
        Assert.Equal(3, third.ErrorCount);
        Assert.Contains("429", third.LastError);
        Assert.False(third.Disabled);
    }

    [Fact]
    public async Task A_failed_check_names_its_backoff_as_the_next_run_for_the_scheduler()
    {
        await using var h = await PipelineHarness.StartAsync();
        h.Respond = Status(500);
        await h.CheckAsync();
        h.Clock.Advance(Interval);

        var second = await h.CheckAsync();

        // Two failures in a row: the scheduler's next run is four intervals out, not the regular interval.
        Assert.Equal(h.Clock.GetUtcNow() + 4 * Interval, second.NextCheckAt);
        Assert.Equal(second.NextCheckAt, (await h.SourceAsync()).NextCheckAt);
    }

    [Fact]
    public async Task Moderators_hear_once_when_a_source_starts_failing_and_once_when_it_recovers()
    {
        await using var h = await PipelineHarness.StartAsync();
        h.Respond = Status(503);

        await h.CheckAsync();
        await h.DeliverAsync();
        Assert.Empty(h.Platform.Notices);   // one blip pages nobody
        await h.CheckAsync();
        await h.CheckAsync();
        await h.CheckAsync();
        await h.DeliverAsync();
        var failing = Assert.Single(h.Platform.NoticesTo(PipelineHarness.ModeratedChannel));
        Assert.Contains("failing", failing);
        Assert.Contains("503", failing);

        h.Respond = context => context.Response.WriteAsync(FetchTestOptions.Rss);
        await h.CheckAsync();
        await h.CheckAsync();
        await h.DeliverAsync();
        var notices = h.Platform.NoticesTo(PipelineHarness.ModeratedChannel);
        Assert.Equal(2, notices.Count);
        Assert.Contains("works again", notices[1]);
        Assert.Empty(h.Platform.NoticesTo(PipelineHarness.PersonalChat));
        var source = await h.SourceAsync();
        Assert.Equal(0, source.ErrorCount);
        Assert.Null(source.LastError);
        Assert.False(source.FailingNoticed);
    }

    [Fact]
    public async Task A_health_notice_whose_send_fails_stays_in_the_outbox_and_is_sent_on_a_later_pass()
    {
        await using var h = await PipelineHarness.StartAsync(configuration: new Dictionary<string, string?> { ["Fetch:FailingNoticeAfter"] = "1" });
        h.Respond = Status(503);
        await h.CheckAsync();
        h.Platform.NoticeScript.Enqueue(new AlertBot.Core.Delivery.DeliveryResult.RetryLater("platform down", TimeSpan.FromSeconds(5)));

        Assert.Equal(0, await h.DeliverAsync());
        h.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, await h.DeliverAsync());

        var notices = h.Platform.NoticesTo(PipelineHarness.ModeratedChannel);
        Assert.Equal(2, notices.Count);
        Assert.All(notices, n => Assert.Contains("failing", n));
        Assert.Equal(0, await h.DeliverAsync());
    }

    [Fact]
    public async Task An_internal_address_outside_the_allow_list_disables_the_source()
    {
        await using var h = await PipelineHarness.StartAsync(configuration: new Dictionary<string, string?> { ["Fetch:AllowedNetworks:0"] = "10.0.0.0/8" });

        await h.CheckAsync();
        var source = await h.SourceAsync();
        Assert.True(source.Disabled);
        Assert.Contains("loopback", source.LastError);
        Assert.Empty(h.Requests);
    }

    [Fact]
    public async Task Bad_fetch_settings_stop_start_up_and_name_the_key()
    {
        using var host = AppHost.Build(new CliArguments(Verb.Once, null, null, false), new ConsoleIO(TextReader.Null, TextWriter.Null),
            new Dictionary<string, string?> { ["Fetch:MaxRedirects"] = "-1", ["Fetch:AllowedNetworks:0"] = "nonsense" });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartValidationAsync());
        Assert.Contains(ex.Failures, f => f.StartsWith("Fetch:MaxRedirects", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("Fetch:AllowedNetworks:0", StringComparison.Ordinal));
    }
}
