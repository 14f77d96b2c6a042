using System.Text.Json.Nodes;
using AlertBot.Discord;
using AlertBot.Discord.Rest;

namespace AlertBot.IntegrationTests.Discord;

public sealed class DiscordRestTests : IAsyncLifetime
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(30);
    private FakeDiscord _fake = null!;
    private readonly CollectingLogger<DiscordRestClient> _log = new();

    public async Task InitializeAsync() => _fake = await FakeDiscord.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private DiscordRestClient Client(int maxInvalid = 1000) =>
        new(new HttpClient(), new DiscordOptions { Token = "secret-token", ApiBaseUrl = _fake.ApiBase, MaxInvalidRequestsPer10Minutes = maxInvalid }, TimeProvider.System, _log);

    private static JsonObject Message() => new() { ["content"] = "hi" };

    private static FakeResponse RateLimited(double retryAfter, bool global) => new(429,
        $$"""{"message":"You are being rate limited.","retry_after":{{retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"global":{{(global ? "true" : "false")}}}""",
        global
            ? new Dictionary<string, string> { ["X-RateLimit-Global"] = "true", ["X-RateLimit-Scope"] = "global" }
            : new Dictionary<string, string> { ["X-RateLimit-Bucket"] = "b-msg", ["X-RateLimit-Scope"] = "user", ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset-After"] = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    [Fact]
    public async Task Requests_carry_bot_auth_user_agent_and_json_content_type()
    {
        var response = await Client().SendAsync(HttpMethod.Post, "/channels/1/messages", Message(), CancellationToken.None);

        Assert.True(response.IsSuccess);
        var request = Assert.Single(_fake.Requests);
        Assert.Equal("Bot secret-token", request.Header("Authorization"));
        Assert.Matches(@"^DiscordBot \(https?://[^,]+, [0-9.]+\)", request.Header("User-Agent"));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bucket_429_is_waited_out_and_the_same_request_retried()
    {
        _fake.RespondTimes(1, r => r.Path == "/channels/1/messages", RateLimited(0.3, global: false));

        var response = await Client().SendAsync(HttpMethod.Post, "/channels/1/messages", Message(), CancellationToken.None);

        Assert.True(response.IsSuccess);
        var tries = _fake.Requests.Where(r => r.Path == "/channels/1/messages").ToList();
        Assert.Equal(2, tries.Count);
        Assert.Equal(tries[0].Body, tries[1].Body);
        Assert.True(tries[1].At - tries[0].At >= TimeSpan.FromSeconds(0.3) - Tolerance, $"retried after {tries[1].At - tries[0].At}");
    }

    [Fact]
    public async Task A_global_429_holds_back_requests_on_other_routes()
    {
        _fake.RespondTimes(1, r => r.Path == "/channels/1/messages", RateLimited(0.4, global: true));
        var client = Client();

        var first = client.SendAsync(HttpMethod.Post, "/channels/1/messages", Message(), CancellationToken.None);
        var limited = await _fake.WaitForRequestAsync(r => r.Path == "/channels/1/messages");
        await Eventually(() => client.Buckets.GlobalLimitedUntil > DateTimeOffset.MinValue);
        var other = await client.SendAsync(HttpMethod.Post, "/channels/2/messages", Message(), CancellationToken.None);

        Assert.True((await first).IsSuccess);
        Assert.True(other.IsSuccess);
        var otherAt = _fake.Requests.Single(r => r.Path == "/channels/2/messages").At;
        Assert.True(otherAt - limited.At >= TimeSpan.FromSeconds(0.4) - Tolerance, $"other route went after {otherAt - limited.At}");
    }

    /// <summary>Awaits a condition the code under test sets, polling briefly, with a timeout.</summary>
    private static async Task Eventually(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Signal);
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }

    [Fact]
    public async Task An_exhausted_bucket_waits_for_reset_after_before_the_next_request()
    {
        _fake.RespondTimes(1, r => r.Path == "/channels/1/messages", new FakeResponse(200, """{"id":"1"}""",
            new Dictionary<string, string> { ["X-RateLimit-Bucket"] = "b-msg", ["X-RateLimit-Limit"] = "5", ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset-After"] = "0.3" }));
        var client = Client();

        await client.SendAsync(HttpMethod.Post, "/channels/1/messages", Message(), CancellationToken.None);
        await client.SendAsync(HttpMethod.Post, "/channels/1/messages", Message(), CancellationToken.None);

        var tries = _fake.Requests.Where(r => r.Path == "/channels/1/messages").ToList();
        Assert.Equal(2, tries.Count);
        Assert.True(tries[1].At - tries[0].At >= TimeSpan.FromSeconds(0.3) - Tolerance, $"second went after {tries[1].At - tries[0].At}");
        Assert.Equal(0, _fake.Requests.Count(r => r.Method == "GET"));
    }

    [Fact]
    public async Task The_invalid_request_guard_stops_sending_before_the_limit()
    {
        _fake.Respond(r => r.Path.StartsWith("/channels/", StringComparison.Ordinal)
            ? new FakeResponse(403, """{"code":50013,"message":"Missing Permissions"}""") : null);
        var client = Client(maxInvalid: 2);

        var first = await client.SendAsync(HttpMethod.Post, "/channels/1/messages", Message(), CancellationToken.None);
        await client.SendAsync(HttpMethod.Post, "/channels/2/messages", Message(), CancellationToken.None);
        var third = await client.SendAsync(HttpMethod.Post, "/channels/3/messages", Message(), CancellationToken.None);

        Assert.Equal(50013, first.ErrorCode);
        Assert.Equal(2, _fake.Requests.Count);
        Assert.Equal(0, third.Status);
        Assert.NotNull(third.RetryAfter);
    }

    [Fact]
    public async Task Invalid_form_body_is_logged_whole_and_the_token_never()
    {
        const string body = """{"code":50035,"errors":{"embeds":{"0":{"description":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 4096 or fewer in length."}]}}}},"message":"Invalid Form Body"}""";
        _fake.Respond(r => r.Path == "/channels/1/messages" ? new FakeResponse(400, body) : null);

        var response = await Client().SendAsync(HttpMethod.Post, "/channels/1/messages", Message(), CancellationToken.None);

        Assert.Equal(50035, response.ErrorCode);
        Assert.Contains(_log.Lines, l => l.Contains("BASE_TYPE_MAX_LENGTH", StringComparison.Ordinal) && l.Contains("embeds", StringComparison.Ordinal));
        Assert.DoesNotContain(_log.Lines, l => l.Contains("secret-token", StringComparison.Ordinal));
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task A_401_stops_all_traffic()
    {
        _fake.Respond(_ => new FakeResponse(401, """{"message":"401: Unauthorized","code":0}"""));
        var client = Client();

        await client.SendAsync(HttpMethod.Post, "/channels/1/messages", Message(), CancellationToken.None);
        var second = await client.SendAsync(HttpMethod.Post, "/channels/2/messages", Message(), CancellationToken.None);

        Assert.Equal(401, second.Status);
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task A_server_error_is_retried_then_succeeds()
    {
        _fake.RespondTimes(1, r => r.Path == "/channels/1/messages", new FakeResponse(502, "<html>Bad Gateway</html>"));

        var response = await Client().SendAsync(HttpMethod.Post, "/channels/1/messages", Message(), CancellationToken.None);

        Assert.True(response.IsSuccess);
        Assert.Equal(2, _fake.Requests.Count);
    }
}
