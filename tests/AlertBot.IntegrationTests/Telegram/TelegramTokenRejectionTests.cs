using AlertBot.Core;
using AlertBot.Core.Delivery;
using AlertBot.IntegrationTests.Support;
using AlertBot.Telegram.Adapter;
using AlertBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AlertBot.IntegrationTests.Telegram;

/// <summary>A token Telegram rejects stops the platform once, clearly, and for good: no stack trace, no endless retries.</summary>
[Collection(ProcessExitCodeCollection.Name)]
public sealed class TelegramTokenRejectionTests : IAsyncLifetime
{
    private FakeBotApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeBotApi.StartAsync(TelegramTestHost.Token);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_token_rejected_at_start_up_exits_1_with_one_line_that_names_the_setting_and_no_stack_trace()
    {
        using var dir = new TempDirectory();
        const string wrongToken = "123456:a-token-that-telegram-does-not-know";
        await File.WriteAllTextAsync(dir.File("topics.json"), """{"topics":[]}""");
        var run = await BotProcess.RunAsync(dir.Path, new Dictionary<string, string>
        {
            ["ALERTBOT__TELEGRAM__TOKEN"] = wrongToken,
            ["ALERTBOT__TELEGRAM__BASEURL"] = _api.BaseUrl.ToString(),
            ["ALERTBOT__STORAGE__PATH"] = dir.File("bot.db"),
            ["ALERTBOT__TOPICS__FILE"] = dir.File("topics.json"),
        }, TimeSpan.FromSeconds(60), "run");

        Assert.Equal(1, run.ExitCode);
        var reason = Assert.Single(run.Stderr.Split('\n'), l => l.Contains("Telegram stopped", StringComparison.Ordinal));
        Assert.Contains("ALERTBOT__TELEGRAM__TOKEN", reason, StringComparison.Ordinal);
        Assert.Contains("401", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("does-not-know", run.Stderr + run.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, _api.UnauthorizedCalls); // getMe once, nothing retried
    }

    [Fact]
    public async Task A_token_revoked_while_running_stops_polling_and_sending_with_one_message()
    {
        var handler = new RecordingCommandHandler();
        await using var host = await TelegramTestHost.StartAsync(_api.BaseUrl, handler, new InMemoryStateStore());
        try
        {
            _api.AddMessage(42, "private", 42, "/help");
            await _api.WaitForCallAsync("sendMessage");
            var stopping = host.Host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

            _api.RevokeToken();
            var first = await host.Platform.SendAlertAsync(Alert(), CancellationToken.None);
            var poller = host.Host.Services.GetServices<IHostedService>().OfType<TelegramPoller>().Single();
            await poller.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
            var rejectedSoFar = _api.UnauthorizedCalls;
            var second = await host.Platform.SendAlertAsync(Alert(), CancellationToken.None);
            await Task.Delay(1500); // the old poller retried getUpdates every 1-2 s from here on

            Assert.IsType<DeliveryResult.RetryLater>(first);
            Assert.IsType<DeliveryResult.RetryLater>(second);
            Assert.False(host.Platform.IsAvailable); // the outbox keeps Telegram's rows instead of using up their attempts
            Assert.Equal(rejectedSoFar, _api.UnauthorizedCalls);
            Assert.InRange(rejectedSoFar, 1, 2); // the send and at most the poll in flight
            var stopped = Assert.Single(host.Logs.Lines, l => l.Level == LogLevel.Critical);
            Assert.Contains("ALERTBOT__TELEGRAM__TOKEN", stopped.Text, StringComparison.Ordinal);
            Assert.True(stopping.IsCancellationRequested); // Telegram was this host's only platform
            Assert.Equal(1, Environment.ExitCode);
        }
        finally
        {
            Environment.ExitCode = 0;
        }
    }

    private static AlertMessage Alert() => new()
    {
        OutboxId = 1,
        Target = new ChatTarget("telegram", "42"),
        SubscriptionId = 5,
        TopicId = "t",
        TopicName = "Topic",
        Title = "Title",
        Url = "https://example.com/a",
        Summary = "Summary",
        Figures = [],
        Outlet = "example.com",
    };
}
