using System.Threading.Channels;
using AlertBot.Discord;
using AlertBot.Discord.Gateway;
using AlertBot.Discord.Rest;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlertBot.IntegrationTests.Discord;

/// <summary>A <see cref="GatewayClient"/> running against a <see cref="FakeDiscord"/> with millisecond timings.</summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    public const string Token = "test-token";
    private readonly CancellationTokenSource _cts = new();
    private readonly Channel<GatewayDispatch> _dispatches = Channel.CreateUnbounded<GatewayDispatch>();

    private GatewayHarness(FakeDiscord fake, GatewayTimings? timings)
    {
        Fake = fake;
        Options = new DiscordOptions { Token = Token, ApiBaseUrl = fake.ApiBase };
        Rest = new DiscordRestClient(new HttpClient(), Options, TimeProvider.System, NullLogger<DiscordRestClient>.Instance);
        Client = new GatewayClient(Rest, Options, timings ?? FastTimings(), TimeProvider.System, Log,
            async (dispatch, ct) => await _dispatches.Writer.WriteAsync(dispatch, ct));
        Run = Task.Run(() => Client.RunAsync(_cts.Token));
    }

    public CollectingLogger<GatewayClient> Log { get; } = new();
    public FakeDiscord Fake { get; }
    public DiscordOptions Options { get; }
    public DiscordRestClient Rest { get; }
    public GatewayClient Client { get; }
    public Task Run { get; }

    public static GatewayTimings FastTimings() => new()
    {
        FirstHeartbeatJitter = () => 0.5,
        InvalidSessionDelay = () => TimeSpan.FromMilliseconds(20),
        ReconnectBackoffBase = TimeSpan.FromMilliseconds(20),
        IdentifyWindow = TimeSpan.Zero,
        CloseTimeout = TimeSpan.FromSeconds(1),
    };

    public static async Task<GatewayHarness> StartAsync(GatewayTimings? timings = null) => new(await FakeDiscord.StartAsync(), timings);

    /// <summary>Connection → HELLO → IDENTIFY → READY; returns the connection and the identify frame.</summary>
    public async Task<(FakeGatewayConnection Connection, System.Text.Json.JsonElement Identify)> ConnectReadyAsync(int heartbeatMs = 45_000, string sessionId = "session-1")
    {
        var connection = await Fake.NextConnectionAsync();
        await connection.HelloAsync(heartbeatMs);
        var identify = await connection.ReceiveOpAsync(2);
        await connection.ReadyAsync(1, sessionId, Fake.ResumeUrl);
        await WaitForDispatchAsync(d => d.Type == "READY");
        return (connection, identify);
    }

    public async Task<GatewayDispatch> WaitForDispatchAsync(Func<GatewayDispatch, bool> match)
    {
        using var cts = new CancellationTokenSource(TestTimeouts.Signal);
        while (true)
        {
            var dispatch = await _dispatches.Reader.ReadAsync(cts.Token);
            if (match(dispatch))
            {
                return dispatch;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        try
        {
            await Run.WaitAsync(TestTimeouts.Signal);
        }
        catch (Exception ex) when (ex is OperationCanceledException or DiscordGatewayFatalException)
        {
            // Expected on shutdown, or already asserted by the test.
        }

        await Fake.DisposeAsync();
        _cts.Dispose();
    }
}
