using System.Text.Json;
using AlertBot.Cli;
using AlertBot.ConsoleChat;
using AlertBot.Core;
using AlertBot.Core.Chats;
using AlertBot.Core.Pipeline;
using AlertBot.Core.Storage;
using AlertBot.Core.Subscriptions;
using AlertBot.Hosting;
using AlertBot.IntegrationTests.Discord;
using AlertBot.IntegrationTests.Support;
using AlertBot.IntegrationTests.Telegram;
using AlertBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AlertBot.IntegrationTests.Stories;

/// <summary>
/// Stories through the real host: a loopback feed carries three outlets' reports of one earthquake and a look-alike
/// earthquake. The subscriber gets two alerts, and the first is edited to say who else reported it — on the console,
/// through the fake Discord and through the fake Telegram Bot API.
/// </summary>
public sealed class StoryEndToEndTests : IAsyncLifetime, IDisposable
{
    private const string SubscriptionQuery = "earthquake OR quake";
    private const string AlsoReported = "Also reported by menafocus.qa and tbsnews.net";
    private readonly TempDirectory _dir = new();
    private readonly DateTimeOffset _now = TimeProvider.System.GetUtcNow();
    private LoopbackServer _server = null!;
    private string _feed = "";

    public async Task InitializeAsync()
    {
        _feed = StoryFeed.Rss(_now, ("n044", 30));
        _server = await LoopbackServer.StartAsync(app => app.MapGet("/feed.xml", () => Results.Text(_feed, "application/rss+xml")));
        File.WriteAllText(_dir.File("topics.json"),
            $$"""{"topics":[{"id":"quakes","name":"Earthquakes","checkIntervalSeconds":3600,"sources":[{"url":"{{_server.Url("feed.xml")}}"}]}]}""");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public void Dispose() => _dir.Dispose();

    private void OneEventAndALookAlike() => _feed = StoryFeed.Rss(_now, ("n044", 30), ("n079", 6), ("n031", 5));

    private void TwoMoreOutlets() => _feed = StoryFeed.Rss(_now, ("n044", 30), ("n079", 6), ("n031", 5), ("n080", 2), ("n081", 1));

    private Dictionary<string, string?> Configuration(params (string Key, string Value)[] more)
    {
        var config = new Dictionary<string, string?>
        {
            ["Topics:File"] = _dir.File("topics.json"),
            ["Storage:Path"] = _dir.File("alertbot.db"),
            ["Fetch:AllowedNetworks:0"] = "127.0.0.0/8",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in more) config[key] = value;
        return config;
    }

    [Fact]
    public async Task On_the_console_two_events_give_two_alerts_and_the_first_is_reprinted_as_edited_with_the_other_outlets()
    {
        await RunConsoleAsync(Verb.Chat, $"/subscribe quakes {SubscriptionQuery}");
        await RunConsoleAsync(Verb.Once); // the first check takes the backlog as seen
        OneEventAndALookAlike();
        var alerts = await RunConsoleAsync(Verb.Once);
        TwoMoreOutlets();
        var edits = await RunConsoleAsync(Verb.Once);

        Assert.Contains(StoryFeed.Title("n079"), alerts, StringComparison.Ordinal);
        Assert.Contains(StoryFeed.Title("n031"), alerts, StringComparison.Ordinal);
        Assert.Equal(2, Count(alerts, "🔔"));
        // A new process: the stories stage was rebuilt from the database, and the edit names the alert's number.
        Assert.Equal(1, Count(edits, "[edited alert 1]"));
        Assert.Contains(AlsoReported, edits, StringComparison.Ordinal);
        Assert.DoesNotContain(StoryFeed.Title("n080"), edits, StringComparison.Ordinal);
        Assert.DoesNotContain(StoryFeed.Title("n081"), edits, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Through_discord_two_events_give_two_messages_and_the_first_is_patched_with_the_other_outlets()
    {
        await using var fake = await FakeDiscord.StartAsync();
        fake.AutoGateway = true;
        using var host = AppHost.Build(new CliArguments(Verb.Run, null, null, false), new ConsoleIO(TextReader.Null, TextWriter.Null),
            Configuration(("Discord:Token", GatewayHarness.Token), ("Discord:ApiBaseUrl", fake.ApiBase)),
            services => services.AddSingleton(GatewayHarness.FastTimings()));
        await host.StartAsync();
        try
        {
            await SubscribeAndCheckAsync(host, new ChatTarget("discord", "60"));
            OneEventAndALookAlike();
            await CheckAsync(host);
            await fake.WaitForRequestAsync(IsAlert, nth: 2);
            TwoMoreOutlets();
            await CheckAsync(host);
            var patch = await fake.WaitForRequestAsync(r => r.Method == "PATCH");

            var alerts = fake.Requests.Where(IsAlert).Select(r => Embed(r).GetProperty("title").GetString()).ToList();
            Assert.Equal([StoryFeed.Title("n079"), StoryFeed.Title("n031")], alerts);
            var first = fake.Messages.First(m => m.Body.Contains("\"embeds\"", StringComparison.Ordinal));
            Assert.Equal($"/channels/60/messages/{first.Id}", patch.Path);
            Assert.Equal(StoryFeed.Title("n079"), Embed(patch).GetProperty("title").GetString());
            Assert.Contains(AlsoReported, Embed(patch).GetProperty("footer").GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.Equal("""{"parse":[]}""", JsonDocument.Parse(patch.Body).RootElement.GetProperty("allowed_mentions").GetRawText());
            Assert.Single(fake.Requests, r => r.Method == "PATCH");
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Through_telegram_two_events_give_two_messages_and_the_first_is_edited_with_the_other_outlets()
    {
        await using var api = await FakeBotApi.StartAsync(TelegramTestHost.Token);
        using var host = AppHost.Build(new CliArguments(Verb.Run, null, null, false), new ConsoleIO(TextReader.Null, TextWriter.Null),
            Configuration(("Telegram:Token", TelegramTestHost.Token), ("Telegram:BaseUrl", api.BaseUrl.ToString()), ("Telegram:PollTimeoutSeconds", "1"),
                ("Delivery:PollSeconds", "1")));
        await host.StartAsync();
        try
        {
            await SubscribeAndCheckAsync(host, new ChatTarget("telegram", "42"));
            OneEventAndALookAlike();
            await CheckAsync(host);
            await api.WaitForCallAsync("sendMessage", c => Text(c).Contains(StoryFeed.Title("n031"), StringComparison.Ordinal));
            TwoMoreOutlets();
            await CheckAsync(host);
            var edit = await api.WaitForCallAsync("editMessageText");

            var alerts = api.CallsTo("sendMessage").Where(c => c.Body["reply_parameters"] is null).Select(Text).ToList();
            Assert.Equal(2, alerts.Count);
            Assert.Contains(StoryFeed.Title("n079").Replace("'", "&#39;", StringComparison.Ordinal), alerts[0], StringComparison.Ordinal);
            Assert.Equal(1001, edit.Body["message_id"]!.GetValue<long>());
            Assert.Equal(42, edit.Body["chat_id"]!.GetValue<long>());
            Assert.Contains(AlsoReported, Text(edit), StringComparison.Ordinal);
            Assert.Single(api.CallsTo("editMessageText"));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private async Task<string> RunConsoleAsync(Verb verb, params string[] input)
    {
        var output = new WatchedOutput();
        var io = new ConsoleIO(new StringReader(string.Join('\n', input)), output);
        using var host = AppHost.Build(new CliArguments(verb, null, null, false), io, Configuration());
        await host.StartValidationAsync();
        var exit = verb == Verb.Once ? await Verbs.OnceAsync(host, default) : await Verbs.ChatAsync(host, default);
        Assert.Equal(0, exit);
        return output.Text;
    }

    private static async Task SubscribeAndCheckAsync(IHost host, ChatTarget chat)
    {
        var parsed = Query.Parse(SubscriptionQuery).Query!;
        await host.Services.GetRequiredService<ChatLifecycle>().SubscribeAsync(
            new NewSubscription(chat, IsPrivate: true, UserId: chat.ChatId, TopicId: "quakes", parsed.Text), parsed, CancellationToken.None);
        await CheckAsync(host); // the first check takes the backlog as seen
    }

    private static async Task CheckAsync(IHost host)
    {
        var source = (await host.Services.GetRequiredService<SourceStore>().ListAsync(CancellationToken.None)).Single();
        var result = await host.Services.GetRequiredService<SourceChecker>().CheckAsync(source.Id, honourDrip: false, CancellationToken.None);
        Assert.Null(result.Error);
    }

    private static bool IsAlert(RecordedRequest r) =>
        r.Method == "POST" && r.Path == "/channels/60/messages" && r.Body.Contains("\"embeds\"", StringComparison.Ordinal);

    private static JsonElement Embed(RecordedRequest r) => JsonDocument.Parse(r.Body).RootElement.GetProperty("embeds")[0];

    private static string Text(RecordedCall c) => c.Body["text"]?.GetValue<string>() ?? "";

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
