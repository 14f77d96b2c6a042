using AlertBot.Discord.Gateway;

namespace AlertBot.IntegrationTests.Discord;

public class DiscordGatewayTests
{
    [Fact]
    public async Task Identify_asks_only_for_the_guilds_intent_on_shard_zero_of_one()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var connection = await harness.Fake.NextConnectionAsync();
        await connection.HelloAsync(45_000);

        var identify = (await connection.ReceiveOpAsync(2)).GetProperty("d");

        Assert.Equal("/gateway", connection.Path);
        Assert.Contains("v=10", connection.Query, StringComparison.Ordinal);
        Assert.Contains("encoding=json", connection.Query, StringComparison.Ordinal);
        Assert.Equal(GatewayHarness.Token, identify.GetProperty("token").GetString());
        Assert.Equal(1, identify.GetProperty("intents").GetInt32());
        Assert.Equal("[0,1]", identify.GetProperty("shard").GetRawText());
        var gatewayBot = await harness.Fake.WaitForRequestAsync(r => r.Path == "/gateway/bot");
        Assert.Equal("Bot test-token", gatewayBot.Header("Authorization"));
        Assert.StartsWith("DiscordBot (", gatewayBot.Header("User-Agent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Heartbeats_carry_null_before_any_event_and_answer_a_server_heartbeat_at_once()
    {
        await using var harness = await GatewayHarness.StartAsync(GatewayHarness.FastTimings() is var t ? new GatewayTimings
        {
            FirstHeartbeatJitter = () => 0.999, // first beat ~45 s away: any beat seen now answers the server's op 1
            InvalidSessionDelay = t.InvalidSessionDelay,
            ReconnectBackoffBase = t.ReconnectBackoffBase,
            IdentifyWindow = TimeSpan.Zero,
        } : null);
        var connection = await harness.Fake.NextConnectionAsync();
        await connection.HelloAsync(45_000);
        await connection.ReceiveOpAsync(2);

        await connection.SendAsync(new { op = 1, d = (object?)null });
        var beat = await connection.ReceiveOpAsync(1);

        Assert.Equal(System.Text.Json.JsonValueKind.Null, beat.GetProperty("d").ValueKind);
    }

    [Fact]
    public async Task A_ready_split_over_several_frames_is_assembled()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var connection = await harness.Fake.NextConnectionAsync();
        await connection.HelloAsync(45_000);
        await connection.ReceiveOpAsync(2);
        var padding = new string('x', 20_000);

        await connection.SendFragmentedAsync(new
        {
            op = 0, t = "READY", s = 1,
            d = new { session_id = "big", resume_gateway_url = harness.Fake.ResumeUrl, application = new { id = "900" }, padding },
        }, fragments: 7);
        await harness.WaitForDispatchAsync(d => d.Type == "READY");

        Assert.Equal("big", harness.Client.Session.SessionId);
    }

    [Fact]
    public async Task Reconnect_request_resumes_on_the_resume_url_with_the_last_sequence()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var (first, _) = await harness.ConnectReadyAsync();
        await first.DispatchAsync("GUILD_CREATE", 2, new { id = "1" });
        await first.DispatchAsync("GUILD_CREATE", 3, new { id = "2" });
        await harness.WaitForDispatchAsync(d => d.Sequence == 3);

        await first.SendAsync(new { op = 7, d = (object?)null });
        var second = await harness.Fake.NextConnectionAsync();
        await second.HelloAsync(45_000);
        var resume = (await second.ReceiveOpAsync(6)).GetProperty("d");

        Assert.Equal("/resume", second.Path);
        Assert.Equal("session-1", resume.GetProperty("session_id").GetString());
        Assert.Equal(3, resume.GetProperty("seq").GetInt64());
        Assert.Equal(GatewayHarness.Token, resume.GetProperty("token").GetString());
        await first.Completion.WaitAsync(TestTimeouts.Signal);
        Assert.NotEqual(1000, first.ClientCloseCode);
        Assert.Equal(1, harness.Client.IdentifyCount);
    }

    [Fact]
    public async Task A_dropped_connection_resumes_with_the_last_sequence()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var (first, _) = await harness.ConnectReadyAsync();
        await first.DispatchAsync("GUILD_CREATE", 5, new { id = "1" });
        await harness.WaitForDispatchAsync(d => d.Sequence == 5);

        first.Drop();
        var second = await harness.Fake.NextConnectionAsync();
        await second.HelloAsync(45_000);
        var resume = (await second.ReceiveOpAsync(6)).GetProperty("d");

        Assert.Equal("/resume", second.Path);
        Assert.Equal(5, resume.GetProperty("seq").GetInt64());
        await second.DispatchAsync("RESUMED", 6, new { });
        await harness.WaitForDispatchAsync(d => d.Type == "RESUMED");
        Assert.Equal(1, harness.Client.IdentifyCount);
    }

    [Fact]
    public async Task A_missing_heartbeat_ack_drops_the_zombie_and_resumes()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var (first, _) = await harness.ConnectReadyAsync(heartbeatMs: 400);
        await first.ReceiveOpAsync(1); // heartbeats flow and are acknowledged

        first.AutoAck = false;
        var second = await harness.Fake.NextConnectionAsync();
        await second.HelloAsync(45_000);
        var resume = (await second.ReceiveOpAsync(6)).GetProperty("d");

        Assert.Equal("/resume", second.Path);
        Assert.Equal("session-1", resume.GetProperty("session_id").GetString());
        Assert.Equal(1, resume.GetProperty("seq").GetInt64());
        Assert.True(first.Heartbeats >= 1);
    }

    [Fact]
    public async Task Invalid_session_not_resumable_identifies_again_on_the_gateway_url()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var (first, _) = await harness.ConnectReadyAsync();

        await first.SendAsync(new { op = 9, d = false });
        var second = await harness.Fake.NextConnectionAsync();
        await second.HelloAsync(45_000);
        var identify = await second.ReceiveOpAsync(2);

        Assert.Equal("/gateway", second.Path);
        Assert.Equal(1, identify.GetProperty("d").GetProperty("intents").GetInt32());
        Assert.Equal(2, harness.Client.IdentifyCount);
    }

    [Fact]
    public async Task Invalid_session_resumable_resumes()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var (first, _) = await harness.ConnectReadyAsync();

        await first.SendAsync(new { op = 9, d = true });
        var second = await harness.Fake.NextConnectionAsync();
        await second.HelloAsync(45_000);
        var resume = (await second.ReceiveOpAsync(6)).GetProperty("d");

        Assert.Equal("/resume", second.Path);
        Assert.Equal(1, resume.GetProperty("seq").GetInt64());
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task Closes_that_end_the_session_identify_again(int code)
    {
        await using var harness = await GatewayHarness.StartAsync();
        var (first, _) = await harness.ConnectReadyAsync();

        await first.CloseAsync(code, "session over");
        var second = await harness.Fake.NextConnectionAsync();
        await second.HelloAsync(45_000);
        await second.ReceiveOpAsync(2);

        Assert.Equal("/gateway", second.Path);
    }

    [Fact]
    public async Task Close_4004_stops_with_a_message_that_says_to_fix_the_token()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var connection = await harness.Fake.NextConnectionAsync();
        await connection.HelloAsync(45_000);
        await connection.ReceiveOpAsync(2);

        await connection.CloseAsync(4004, "Authentication failed.");
        var error = await Assert.ThrowsAsync<DiscordGatewayFatalException>(() => harness.Run.WaitAsync(TestTimeouts.Signal));

        Assert.Equal(4004, error.CloseCode);
        Assert.Contains("ALERTBOT__DISCORD__TOKEN", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Fake.Requests.Count(r => r.Path == "/gateway/bot"));
    }

    [Fact]
    public async Task Close_4014_stops_with_a_message_about_privileged_intents()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var connection = await harness.Fake.NextConnectionAsync();
        await connection.HelloAsync(45_000);
        await connection.ReceiveOpAsync(2);

        await connection.CloseAsync(4014, "Disallowed intent(s).");
        var error = await Assert.ThrowsAsync<DiscordGatewayFatalException>(() => harness.Run.WaitAsync(TestTimeouts.Signal));

        Assert.Contains("privileged intent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_resume_url_is_given_up_for_a_fresh_identify()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var first = await harness.Fake.NextConnectionAsync();
        await first.HelloAsync(45_000);
        await first.ReceiveOpAsync(2);
        await first.ReadyAsync(1, "session-1", "ws://127.0.0.1:1/resume"); // nothing listens on port 1
        await harness.WaitForDispatchAsync(d => d.Type == "READY");

        first.Drop();
        var second = await harness.Fake.NextConnectionAsync();
        await second.HelloAsync(45_000);
        await second.ReceiveOpAsync(2);

        Assert.Equal("/gateway", second.Path);
        Assert.Equal(2, harness.Client.IdentifyCount);
    }
}
