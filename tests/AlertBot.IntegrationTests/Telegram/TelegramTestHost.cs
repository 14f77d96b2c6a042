using AlertBot.Core.Commands;
using AlertBot.Core.Storage;
using AlertBot.Telegram;
using AlertBot.Telegram.Adapter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AlertBot.IntegrationTests.Telegram;

/// <summary>A real host with AddTelegram pointed at the fake Bot API, a recording command handler and an in-memory state store.</summary>
internal sealed class TelegramTestHost : IAsyncDisposable
{
    public const string Token = "123456:TEST-secret-token-abcdefghijklmnop";

    private TelegramTestHost(IHost host, CapturingLoggerProvider logs)
    {
        Host = host;
        Logs = logs;
    }

    public IHost Host { get; }
    public CapturingLoggerProvider Logs { get; }
    public TelegramPlatform Platform => Host.Services.GetRequiredService<TelegramPlatform>();

    public static async Task<TelegramTestHost> StartAsync(Uri baseUrl, ICommandHandler handler, IPlatformStateStore state,
        Action<IServiceCollection>? configure = null, bool start = true, IDictionary<string, string?>? extraConfiguration = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:Token"] = Token,
            ["Telegram:BaseUrl"] = baseUrl.ToString(),
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Telegram:RequestTimeoutSeconds"] = "5",
            ["Telegram:PrivateChatMessagesPerMinute"] = "6000",
            ["Telegram:GroupMessagesPerMinute"] = "6000",
        });
        if (extraConfiguration is not null) builder.Configuration.AddInMemoryCollection(extraConfiguration);
        var logs = new CapturingLoggerProvider();
        builder.Logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        builder.Services.AddSingleton(handler);
        builder.Services.AddSingleton(state);
        builder.Services.AddTelegram(builder.Configuration);
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        if (start) await host.StartAsync();
        return new TelegramTestHost(host, logs);
    }

    public async Task StopAsync() => await Host.StopAsync(TimeSpan.FromSeconds(10));

    /// <summary>The token must never appear in a log line, whatever the test did.</summary>
    public void AssertTokenNeverLogged()
    {
        var secret = Token[(Token.IndexOf(':', StringComparison.Ordinal) + 1)..];
        Assert.DoesNotContain(Logs.Lines, l => l.Text.Contains(secret, StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        try { await StopAsync(); } catch (OperationCanceledException) { }
        Host.Dispose();
        AssertTokenNeverLogged();
    }
}
