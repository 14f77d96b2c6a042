using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AlertBot.Cli;
using AlertBot.ConsoleChat;
using AlertBot.Core.Pipeline;
using AlertBot.Core.Storage;
using AlertBot.Health;
using AlertBot.Hosting;
using AlertBot.IntegrationTests.Telegram;
using AlertBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AlertBot.IntegrationTests.Health;

/// <summary>The real host (`run`) with Http:ListenUrl on loopback port 0, Telegram on the fake Bot API.</summary>
public sealed class HealthEndpointTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly HttpClient _http = new();
    private FakeBotApi _api = null!;
    private IHost _host = null!;
    private Uri _endpoint = null!;

    private string FeedPath => _dir.File("feed.xml");

    public async Task InitializeAsync()
    {
        WriteFeed("a", "Weather report for Pyongyang");
        await File.WriteAllTextAsync(_dir.File("topics.json"), $$"""
            {"topics":[{"id":"nk-russia","name":"North Korean troops in Russia","query":"","checkIntervalSeconds":3600,
              "sources":[{"url":"{{new Uri(FeedPath).AbsoluteUri}}"}]}]}
            """);
        _api = await FakeBotApi.StartAsync(TelegramTestHost.Token);
        _api.Down = true;
        _host = AppHost.Build(new CliArguments(Verb.Run, null, null, false), new ConsoleIO(TextReader.Null, TextWriter.Null),
            new Dictionary<string, string?>
            {
                ["Http:ListenUrl"] = "http://127.0.0.1:0",
                ["Storage:Path"] = _dir.File("alertbot.db"),
                ["Topics:File"] = _dir.File("topics.json"),
                ["Delivery:PollSeconds"] = "1",
                ["Telegram:Token"] = TelegramTestHost.Token,
                ["Telegram:BaseUrl"] = _api.BaseUrl.ToString(),
                ["Telegram:PollTimeoutSeconds"] = "1",
                ["Telegram:PrivateChatMessagesPerMinute"] = "6000",
            });
        await _host.StartAsync();
        _endpoint = new Uri(_host.Services.GetRequiredService<HttpEndpointService>().ListeningUrls[0]);
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(10));
        _host.Dispose();
        await _api.DisposeAsync();
    }

    public void Dispose()
    {
        _http.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Readyz_names_a_platform_that_is_down_and_turns_ready_once_it_connects_while_healthz_always_answers()
    {
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(new Uri(_endpoint, "/healthz"))).StatusCode);

        var notReady = await _http.GetAsync(new Uri(_endpoint, "/readyz"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        var body = JsonNode.Parse(await notReady.Content.ReadAsStringAsync())!;
        Assert.False(body["ready"]!.GetValue<bool>());
        Assert.Equal(["telegram"], body["notReady"]!.AsObject().Select(p => p.Key)); // database and scheduler are fine

        _api.Down = false;
        await WaitUntilAsync(async () => (await _http.GetAsync(new Uri(_endpoint, "/readyz"))).StatusCode == HttpStatusCode.OK);
    }

    [Fact]
    public async Task Metrics_count_a_check_and_an_alert_once_one_goes_through()
    {
        _api.Down = false;
        await CheckFeedAsync(); // the first check takes the backlog as seen
        _api.AddMessage(42, "private", 42, "/subscribe nk-russia troops");
        await _api.WaitForCallAsync("sendMessage", c => c.Body["text"]!.GetValue<string>().StartsWith("Subscribed", StringComparison.Ordinal));
        WriteFeed("b", "Seoul: 11,000 troops deployed");
        await CheckFeedAsync();
        await _api.WaitForCallAsync("sendMessage", c => c.Body["text"]!.GetValue<string>().Contains("11,000 troops", StringComparison.Ordinal));

        string metrics = "";
        await WaitUntilAsync(async () =>
        {
            metrics = await _http.GetStringAsync(new Uri(_endpoint, "/metrics"));
            return Value(metrics, "alertbot_alerts_sent_total{platform=\"telegram\"}") == 1;
        });
        Assert.True(Value(metrics, "alertbot_feeds_checked_total") >= 2);
        Assert.True(Value(metrics, "alertbot_fetches_total{outcome=\"200\"}") >= 2);
        Assert.Equal(1, Value(metrics, "alertbot_alerts_queued_total{platform=\"telegram\"}"));
        Assert.Equal(1, Value(metrics, "alertbot_delivery_latency_seconds_count{platform=\"telegram\"}"));
        Assert.Equal(1, Value(metrics, "alertbot_commands_total{command=\"subscribe\",outcome=\"ok\"}"));
        Assert.True(Value(metrics, "alertbot_articles_stored_total") >= 2);
        Assert.True(Value(metrics, "alertbot_matcher_seconds_count") >= 1);
        Assert.Equal(0, Value(metrics, "alertbot_outbox_pending"));
    }

    /// <summary>The value of one series in Prometheus text format, or NaN when it is absent.</summary>
    private static double Value(string exposition, string series)
    {
        var line = exposition.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line[(series.Length + 1)..].Trim(), CultureInfo.InvariantCulture);
    }

    private async Task CheckFeedAsync()
    {
        var sources = await _host.Services.GetRequiredService<SourceStore>().ListAsync();
        var result = await _host.Services.GetRequiredService<SourceChecker>().CheckAsync(Assert.Single(sources).Id, false, CancellationToken.None);
        Assert.Null(result.Error);
    }

    private void WriteFeed(string guid, string title) =>
        File.WriteAllText(FeedPath,
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test</title>" +
            $"<item><guid>{guid}</guid><title>{title}</title><link>https://news.example/{guid}</link>" +
            "<pubDate>Thu, 01 Jan 2026 00:00:00 GMT</pubDate><description>Troops arrived.</description></item></channel></rss>");

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        Assert.Fail("condition not met within 15 s");
    }
}
