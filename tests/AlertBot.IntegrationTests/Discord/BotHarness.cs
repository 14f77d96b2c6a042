using AlertBot.Core.Commands;
using AlertBot.Discord;
using AlertBot.Discord.Gateway;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AlertBot.IntegrationTests.Discord;

/// <summary>The whole Discord adapter as <see cref="DiscordSetup.AddDiscord"/> wires it, against a fake Discord.</summary>
internal sealed class BotHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly IHostedService _service;

    private BotHarness(FakeDiscord fake, FakeCommandHandler handler, IDictionary<string, string?>? settings)
    {
        Fake = fake;
        Handler = handler;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = GatewayHarness.Token,
            ["Discord:ApiBaseUrl"] = fake.ApiBase,
            ["Discord:InteractionReplyWithin"] = "00:00:00.300",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(GatewayHarness.FastTimings());
        services.AddSingleton<ICommandHandler>(handler);
        services.AddDiscord(configuration);
        _services = services.BuildServiceProvider();
        _service = _services.GetServices<IHostedService>().Single();
    }

    public FakeDiscord Fake { get; }
    public FakeCommandHandler Handler { get; }
    public FakeGatewayConnection Connection { get; private set; } = null!;

    public static async Task<BotHarness> StartReadyAsync(IDictionary<string, string?>? settings = null)
    {
        var harness = new BotHarness(await FakeDiscord.StartAsync(), new FakeCommandHandler(), settings);
        await harness._service.StartAsync(CancellationToken.None);
        harness.Connection = await harness.Fake.NextConnectionAsync();
        await harness.Connection.HelloAsync(45_000);
        await harness.Connection.ReceiveOpAsync(2);
        await harness.Connection.ReadyAsync(1, "session-1", harness.Fake.ResumeUrl, applicationId: "900");
        return harness;
    }

    private long _sequence = 1;

    /// <summary>Sends an INTERACTION_CREATE and returns its id and token.</summary>
    public async Task<(string Id, string Token)> InteractAsync(object interaction, string id)
    {
        await Connection.DispatchAsync("INTERACTION_CREATE", Interlocked.Increment(ref _sequence), interaction);
        return (id, "tok-" + id);
    }

    public static object SlashCommand(string id, string name, object[] options, string permissions = "0", bool dm = false) => dm
        ? new { id, type = 2, token = "tok-" + id, application_id = "900", channel_id = "61", user = new { id = "71", username = "bob" }, data = new { id = "5", name, type = 1, options }, version = 1 }
        : new
        {
            id, type = 2, token = "tok-" + id, application_id = "900", guild_id = "50", channel_id = "60",
            member = new { user = new { id = "70", username = "alice" }, roles = Array.Empty<string>(), permissions },
            data = new { id = "5", name, type = 1, options },
            version = 1,
        };

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _service.StopAsync(CancellationToken.None);
        }
        catch (DiscordGatewayFatalException)
        {
            // Asserted by the test that caused it.
        }

        await _services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
