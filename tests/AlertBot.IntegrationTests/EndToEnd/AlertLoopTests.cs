using AlertBot.Cli;
using AlertBot.ConsoleChat;
using AlertBot.Hosting;
using AlertBot.IntegrationTests.Support;
using AlertBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace AlertBot.IntegrationTests.EndToEnd;

/// <summary>The whole loop through the real host: Kestrel feed → check → SQLite → outbox → Console platform.</summary>
public sealed class AlertLoopTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private string _feed = Feed(("g1", "First story", "Officials said North Korean troops were seen near the border."));

    public void Dispose() => _dir.Dispose();

    private static string Feed(params (string Guid, string Title, string Text)[] items) =>
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loopback news</title>" +
        string.Concat(items.Select((i, n) =>
            $"<item><guid>{i.Guid}</guid><title>{i.Title}</title><link>http://news.test/{i.Guid}</link>" +
            $"<pubDate>Mon, 0{n + 1} Sep 2025 10:00:00 GMT</pubDate><description>{i.Text}</description></item>")) +
        "</channel></rss>";

    private async Task<LoopbackServer> ServeFeedAsync() =>
        await LoopbackServer.StartAsync(app => app.MapGet("/feed.xml", () => Results.Text(_feed, "application/rss+xml")));

    private string WriteTopics(Uri feedUrl)
    {
        var path = _dir.File("topics.json");
        File.WriteAllText(path, $$"""{"topics":[{"id":"loop","name":"Loopback topic","checkIntervalSeconds":10,"sources":[{"url":"{{feedUrl}}"}]}]}""");
        return path;
    }

    private async Task<(int Exit, string Output)> RunVerbAsync(Verb verb, string topicsFile, params string[] input)
    {
        var output = new WatchedOutput();
        var cli = new CliArguments(verb, null, _dir.File("alertbot.db"), false);
        var io = new ConsoleIO(new StringReader(string.Join('\n', input)), output);
        using var host = AppHost.Build(cli, io, new Dictionary<string, string?> { ["Topics:File"] = topicsFile, ["Fetch:AllowedNetworks:0"] = "127.0.0.0/8" });
        await host.StartValidationAsync();
        var exit = verb == Verb.Once ? await Verbs.OnceAsync(host, default) : await Verbs.ChatAsync(host, default);
        return (exit, output.Text);
    }

    [Fact]
    public async Task A_subscription_gets_each_new_article_once_across_checks_and_restarts()
    {
        await using var server = await ServeFeedAsync();
        var topics = WriteTopics(server.Url("feed.xml"));

        var (exit, reply) = await RunVerbAsync(Verb.Chat, topics, "/subscribe loop troops");
        Assert.Equal(0, exit);
        Assert.Contains("Subscribed (#1)", reply, StringComparison.Ordinal);

        var first = await RunVerbAsync(Verb.Once, topics);
        Assert.Equal(0, first.Exit);
        Assert.Contains("First story", first.Output, StringComparison.Ordinal);

        // Same feed, and a fresh host on the same file: nothing is sent twice.
        var second = await RunVerbAsync(Verb.Once, topics);
        Assert.DoesNotContain("First story", second.Output, StringComparison.Ordinal);

        _feed = Feed(("g1", "First story", "Officials said North Korean troops were seen near the border."),
                     ("g2", "Second story", "More troops arrived, the ministry said."),
                     ("g3", "Third story", "Markets were calm on Tuesday."));
        var third = await RunVerbAsync(Verb.Once, topics);
        Assert.Contains("Second story", third.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Third story", third.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("First story", third.Output, StringComparison.Ordinal);

        var fourth = await RunVerbAsync(Verb.Once, topics);
        Assert.DoesNotContain("story", fourth.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paused_console_channel_keeps_its_alert_and_gets_it_once_as_a_digest_when_resume_digest_asks()
    {
        await using var server = await ServeFeedAsync();
        var topics = WriteTopics(server.Url("feed.xml"));

        var (_, setup) = await RunVerbAsync(Verb.Chat, topics, "/subscribe loop troops", "/channel pause", "/channel set max-per-hour 3", "/channel set timezone Mars/Base");
        Assert.Contains("Paused. Alerts are kept, not lost", setup, StringComparison.Ordinal);
        Assert.Contains("max-per-hour: 5 (the bot's default) → 3.", setup, StringComparison.Ordinal);
        Assert.Contains("'Mars/Base' is not a valid timezone: use an IANA time zone name.", setup, StringComparison.Ordinal);

        var paused = await RunVerbAsync(Verb.Once, topics);
        Assert.DoesNotContain("First story", paused.Output, StringComparison.Ordinal);

        var (_, resumed) = await RunVerbAsync(Verb.Chat, topics, "/channel settings", "/channel resume");
        Assert.Contains("max-per-hour: 3", resumed, StringComparison.Ordinal);
        Assert.Contains("1 alert is waiting: /channel resume digest sends them as one digest.", resumed, StringComparison.Ordinal);
        Assert.Contains("Resumed: new alerts come again. 1 alert is waiting. Send them as one digest: /channel resume digest", resumed, StringComparison.Ordinal);

        // Offered, not pushed: what waited stays held until the moderator asks for it.
        var offered = await RunVerbAsync(Verb.Once, topics);
        Assert.DoesNotContain("First story", offered.Output, StringComparison.Ordinal);
        var (_, taken) = await RunVerbAsync(Verb.Chat, topics, "/channel resume digest");
        Assert.Contains("1 alert is waiting: they come now as one digest.", taken, StringComparison.Ordinal);

        var delivered = await RunVerbAsync(Verb.Once, topics);
        Assert.Contains("Digest: 1 new article", delivered.Output, StringComparison.Ordinal);
        Assert.Contains("First story", delivered.Output, StringComparison.Ordinal);
        var again = await RunVerbAsync(Verb.Once, topics);
        Assert.DoesNotContain("First story", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_interactive_bot_shows_a_first_alert_soon_after_subscribing_to_the_sample_topic()
    {
        var input = new BlockingInput();
        var output = new WatchedOutput();
        var cli = new CliArguments(Verb.Run, null, _dir.File("demo.db"), false);
        using var host = AppHost.Build(cli, new ConsoleIO(input, output));
        await host.StartAsync();
        try
        {
            await output.WaitForAsync("Try: /subscribe nk-russia troops", TimeSpan.FromSeconds(10));
            input.Type("/subscribe nk-russia troops");
            await output.WaitForAsync("Subscribed (#1)", TimeSpan.FromSeconds(10));
            var text = await output.WaitForAsync("🔔 [nk-russia]", TimeSpan.FromSeconds(60));
            Assert.Contains("/unsubscribe 1", text, StringComparison.Ordinal);
        }
        finally
        {
            input.End();
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_bad_configuration_value_stops_start_up_with_a_message_naming_the_key()
    {
        var cli = new CliArguments(Verb.Run, null, _dir.File("bad.db"), false);
        using var host = AppHost.Build(cli, new ConsoleIO(new StringReader(""), new StringWriter()),
            new Dictionary<string, string?> { ["Delivery:PollSeconds"] = "0", ["Summaries:MaxChars"] = "5" });

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());
        var problems = ConfigurationErrors.Collect(ex);

        Assert.NotNull(problems);
        Assert.Contains(problems, f => f.StartsWith("Delivery:PollSeconds", StringComparison.Ordinal) && f.Contains("was 0", StringComparison.Ordinal));
        Assert.Contains(problems, f => f.StartsWith("Summaries:MaxChars", StringComparison.Ordinal) && f.Contains("was 5", StringComparison.Ordinal));
    }
}
