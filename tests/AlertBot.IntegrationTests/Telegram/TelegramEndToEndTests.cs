using System.Text.Json.Nodes;
using AlertBot.Core;
using AlertBot.Cli;
using AlertBot.ConsoleChat;
using AlertBot.Core.Channels;
using AlertBot.Core.Delivery;
using AlertBot.Core.Pipeline;
using AlertBot.Core.Storage;
using AlertBot.Hosting;
using AlertBot.Telegram.Adapter;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AlertBot.IntegrationTests.Telegram;

/// <summary>
/// The real host (AppHost, `run` verb) with a Telegram token: real SQLite file, real command dispatcher,
/// real source checks over a feed file, real outbox, talking to the fake Bot API.
/// </summary>
public sealed class TelegramEndToEndTests : IAsyncLifetime, IDisposable
{
    private const long Private = 42;
    private const long Group = -4567;
    private const long Admin = 11;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "alertbot-telegram-e2e", Guid.NewGuid().ToString("N"));
    private readonly CapturingLoggerProvider _logs = new();
    private FakeBotApi _api = null!;
    private IHost _host = null!;

    private string FeedPath => Path.Combine(_dir, "feed.xml");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        WriteFeed(("a", "Weather report for Pyongyang", "Sunny all week."));
        await File.WriteAllTextAsync(Path.Combine(_dir, "topics.json"), $$"""
            {"topics":[{"id":"nk-russia","name":"North Korean troops in Russia","query":"","checkIntervalSeconds":3600,
              "sources":[{"url":"{{new Uri(FeedPath).AbsoluteUri}}"}]}]}
            """);
        _api = await FakeBotApi.StartAsync(TelegramTestHost.Token);
        _api.SetAdmins(Group, Admin);

        _host = AppHost.Build(new CliArguments(Verb.Run, null, null, false), new ConsoleIO(TextReader.Null, TextWriter.Null),
            new Dictionary<string, string?>
            {
                ["Storage:Path"] = Path.Combine(_dir, "alertbot.db"),
                ["Topics:File"] = Path.Combine(_dir, "topics.json"),
                ["Delivery:PollSeconds"] = "1",
                ["Logging:LogLevel:Default"] = "Trace",
                ["Telegram:Token"] = TelegramTestHost.Token,
                ["Telegram:BaseUrl"] = _api.BaseUrl.ToString(),
                ["Telegram:PollTimeoutSeconds"] = "1",
                ["Telegram:GroupMessagesPerMinute"] = "6000",
                ["Telegram:PrivateChatMessagesPerMinute"] = "6000",
            },
            services => services.AddSingleton<ILoggerProvider>(_logs));
        await _host.StartAsync();
        await CheckFeedAsync(); // the first check takes the backlog as seen
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(10));
        _host.Dispose();
        await _api.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        var secret = TelegramTestHost.Token[(TelegramTestHost.Token.IndexOf(':', StringComparison.Ordinal) + 1)..];
        Assert.DoesNotContain(_logs.Lines, l => l.Text.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_subscriber_gets_an_escaped_alert_from_a_source_check_and_can_unsubscribe_with_its_button()
    {
        Assert.Contains(_host.Services.GetServices<IChatPlatform>(), p => p is TelegramPlatform);
        var reply = await SubscribeAsync(Private, "private", Private);
        Assert.Contains("Subscribed (#1)", reply, StringComparison.Ordinal);

        WriteFeed(("a", "Weather report for Pyongyang", "Sunny all week."),
            ("b", "Seoul: 11,000 troops & more deployed, up from < 3,000", "Officials told @someone that troops arrived in Kursk."));
        await CheckFeedAsync();

        var alert = await _api.WaitForCallAsync("sendMessage", c => Text(c).Contains("Kursk", StringComparison.Ordinal));
        Assert.Equal(Private, alert.Body["chat_id"]!.GetValue<long>());
        Assert.Equal("HTML", alert.Body["parse_mode"]!.GetValue<string>(), ignoreCase: true); // Telegram reads parse_mode case-insensitively
        Assert.True(Text(alert).Contains("<b>Seoul: 11,000 troops &amp; more deployed, up from &lt; 3,000</b>", StringComparison.Ordinal), Text(alert));
        Assert.Contains("@\u2060someone", Text(alert), StringComparison.Ordinal);
        var data = alert.Body["reply_markup"]!["inline_keyboard"]![0]![0]!["callback_data"]!.GetValue<string>();
        Assert.Equal("unsub:1", data);
        await WaitUntilAsync(async () => (await Outbox.CountByStatusAsync()).GetValueOrDefault("sent") == 1);

        _api.AddCallback(Private, "private", Private, data);
        var answer = await _api.WaitForCallAsync("answerCallbackQuery");
        Assert.Equal("Unsubscribed #1.", answer.Body["text"]!.GetValue<string>());
        Assert.Empty(await Subscriptions.ListForChatAsync(new ChatTarget("telegram", "42")));
    }

    [Fact]
    public async Task Channel_set_pause_and_resume_typed_in_a_group_reach_the_real_dispatcher_and_the_offered_digest_is_one_button_away()
    {
        await SubscribeAsync(Group, "supergroup", Admin);
        var set = await CommandAsync(Group, Admin, "/channel set timezone europe/berlin", "timezone:");
        var refused = await CommandAsync(Group, 77, "/channel set timezone UTC", "/channel is for moderators");
        await CommandAsync(Group, Admin, "/channel pause", "Paused.");
        WriteFeed(("a", "Weather report for Pyongyang", "Sunny all week."), ("b", "More troops sent", "Troops crossed the border."));
        await CheckFeedAsync();
        await Task.Delay(1500); // a delivery round or more: the alert is held, not sent
        Assert.DoesNotContain(_api.CallsTo("sendMessage"), c => Text(c).Contains("More troops sent", StringComparison.Ordinal));

        _api.AddMessage(Group, "supergroup", Admin, "/channel resume");
        var resume = await _api.WaitForCallAsync("sendMessage", c => Text(c).StartsWith("Resumed", StringComparison.Ordinal));
        var button = resume.Body["reply_markup"]!["inline_keyboard"]![0]![0]!;
        _api.AddCallback(Group, "supergroup", Admin, button["callback_data"]!.GetValue<string>());
        var answer = await _api.WaitForCallAsync("answerCallbackQuery");
        var digest = await _api.WaitForCallAsync("sendMessage", c => Text(c).Contains("More troops sent", StringComparison.Ordinal));

        Assert.Equal("timezone: UTC → Europe/Berlin.", set);
        Assert.Equal("/channel is for moderators of this chat.", refused);
        Assert.Equal("Europe/Berlin", (await _host.Services.GetRequiredService<ChannelSettingsStore>().GetAsync(new ChatTarget("telegram", "-4567"))).TimeZone);
        Assert.Equal("Resumed: new alerts come again. 1 alert is waiting. Send them as one digest: /channel resume digest", Text(resume));
        Assert.Equal("Send them as one digest", button["text"]!.GetValue<string>());
        Assert.Equal("1 alert is waiting: they come now as one digest.", answer.Body["text"]!.GetValue<string>());
        Assert.Equal(Group, digest.Body["chat_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_blocked_bot_disables_the_chat_through_the_outbox_and_sends_nothing_more()
    {
        await SubscribeAsync(Private, "private", Private);
        _api.ScriptError("sendMessage", 403, "Forbidden: bot was blocked by the user");
        WriteFeed(("a", "Weather report for Pyongyang", "Sunny all week."), ("b", "More troops sent", "Troops crossed the border."));
        await CheckFeedAsync();

        await WaitUntilAsync(async () => (await Subscriptions.ListActiveAsync()).Count == 0);
        var sendsSoFar = _api.CallsTo("sendMessage").Count;
        var counts = await Outbox.CountByStatusAsync();
        Assert.Equal(1, counts.GetValueOrDefault("dropped"));
        Assert.Equal(0, counts.GetValueOrDefault("pending"));

        WriteFeed(("a", "Weather report for Pyongyang", "Sunny all week."), ("b", "More troops sent", "Troops crossed the border."), ("c", "Even more troops", "Troops again."));
        await CheckFeedAsync();
        await Task.Delay(1500); // a delivery round or more
        Assert.Equal(sendsSoFar, _api.CallsTo("sendMessage").Count);
    }

    [Fact]
    public async Task A_group_upgraded_to_a_supergroup_takes_its_subscriptions_along_and_gets_the_alert_there()
    {
        await SubscribeAsync(Group, "group", Admin);
        _api.ScriptError("sendMessage", 400, "Bad Request: group chat was upgraded to a supergroup chat", new JsonObject { ["migrate_to_chat_id"] = -1004567 });
        WriteFeed(("a", "Weather report for Pyongyang", "Sunny all week."), ("b", "More troops sent", "Troops crossed the border."));
        await CheckFeedAsync();

        var resent = await _api.WaitForCallAsync("sendMessage", c => c.Body["chat_id"]!.GetValue<long>() == -1004567);
        Assert.Contains("More troops sent", Text(resent), StringComparison.Ordinal);
        Assert.Single(await Subscriptions.ListForChatAsync(new ChatTarget("telegram", "-1004567")));
        Assert.Empty(await Subscriptions.ListForChatAsync(new ChatTarget("telegram", "-4567")));
    }

    [Fact]
    public async Task The_migration_service_message_moves_subscriptions_before_any_alert()
    {
        await SubscribeAsync(Group, "group", Admin);
        _api.AddRawUpdate(new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["message_id"] = 9,
                ["date"] = 0,
                ["chat"] = new JsonObject { ["id"] = Group, ["type"] = "group" },
                ["migrate_to_chat_id"] = -1004567,
            },
        }.ToJsonString());

        await WaitUntilAsync(async () => (await Subscriptions.ListForChatAsync(new ChatTarget("telegram", "-1004567"))).Count == 1);
        Assert.Empty(await Subscriptions.ListForChatAsync(new ChatTarget("telegram", "-4567")));
    }

    [Fact]
    public async Task Being_kicked_from_a_group_disables_it_at_once()
    {
        await SubscribeAsync(Group, "group", Admin);
        _api.AddRawUpdate(new JsonObject
        {
            ["my_chat_member"] = new JsonObject
            {
                ["chat"] = new JsonObject { ["id"] = Group, ["type"] = "group" },
                ["from"] = new JsonObject { ["id"] = Admin, ["is_bot"] = false, ["first_name"] = "A" },
                ["date"] = 0,
                ["old_chat_member"] = new JsonObject { ["status"] = "member", ["user"] = new JsonObject { ["id"] = FakeBotApi.BotId, ["is_bot"] = true, ["first_name"] = "Bot" } },
                ["new_chat_member"] = new JsonObject { ["status"] = "kicked", ["user"] = new JsonObject { ["id"] = FakeBotApi.BotId, ["is_bot"] = true, ["first_name"] = "Bot" } },
            },
        }.ToJsonString());

        await WaitUntilAsync(async () => (await Subscriptions.ListActiveAsync()).Count == 0);
        WriteFeed(("a", "Weather report for Pyongyang", "Sunny all week."), ("b", "More troops sent", "Troops crossed the border."));
        var result = await _host.Services.GetRequiredService<SourceChecker>().CheckAsync((await _host.Services.GetRequiredService<SourceStore>().ListAsync()).Single().Id, false, CancellationToken.None);
        Assert.Equal(0, result.Alerts);
    }

    [Fact]
    public async Task The_update_offset_is_kept_in_the_sqlite_database()
    {
        await SubscribeAsync(Private, "private", Private);
        var state = _host.Services.GetRequiredService<IPlatformStateStore>();
        await WaitUntilAsync(async () => await state.GetAsync("telegram", TelegramPoller.OffsetKey, CancellationToken.None) == "2");
    }

    public void Dispose() => _logs.Dispose();

    private SubscriptionStore Subscriptions => _host.Services.GetRequiredService<SubscriptionStore>();
    private OutboxStore Outbox => _host.Services.GetRequiredService<OutboxStore>();

    private async Task<string> SubscribeAsync(long chatId, string chatType, long userId)
    {
        var before = _api.CallsTo("sendMessage").Count;
        _api.AddMessage(chatId, chatType, userId, "/subscribe nk-russia troops");
        var reply = await _api.WaitForCallAsync("sendMessage", c => c.Body["chat_id"]!.GetValue<long>() == chatId && Text(c).StartsWith("Subscribed", StringComparison.Ordinal));
        Assert.Equal(before + 1, _api.CallsTo("sendMessage").Count);
        return Text(reply);
    }

    /// <summary>Types a command in a chat and returns the text of the reply that starts with <paramref name="replyStart"/>.</summary>
    private async Task<string> CommandAsync(long chatId, long userId, string command, string replyStart)
    {
        _api.AddMessage(chatId, chatId < 0 ? "supergroup" : "private", userId, command);
        var reply = await _api.WaitForCallAsync("sendMessage", c => c.Body["chat_id"]!.GetValue<long>() == chatId && Text(c).StartsWith(replyStart, StringComparison.Ordinal));
        return Text(reply);
    }

    private async Task CheckFeedAsync()
    {
        var sources = await _host.Services.GetRequiredService<SourceStore>().ListAsync();
        var result = await _host.Services.GetRequiredService<SourceChecker>().CheckAsync(Assert.Single(sources).Id, false, CancellationToken.None);
        Assert.Null(result.Error);
    }

    private void WriteFeed(params (string Guid, string Title, string Text)[] items) =>
        File.WriteAllText(FeedPath,
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test</title>" +
            string.Concat(items.Select((i, n) =>
                $"<item><guid>{i.Guid}</guid><title>{System.Security.SecurityElement.Escape(i.Title)}</title><link>https://news.example/{i.Guid}</link>" +
                $"<pubDate>{new DateTimeOffset(2026, 1, 1 + n, 0, 0, 0, TimeSpan.Zero).ToString("R", System.Globalization.CultureInfo.InvariantCulture)}</pubDate>" +
                $"<description>{System.Security.SecurityElement.Escape(i.Text)}</description></item>")) +
            "</channel></rss>");

    private static string Text(RecordedCall call) => call.Body["text"]!.GetValue<string>();

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        Assert.Fail("condition not met within 10 s");
    }
}
