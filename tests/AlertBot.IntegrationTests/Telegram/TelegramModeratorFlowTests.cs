using System.Globalization;
using System.Text.Json.Nodes;
using AlertBot.Cli;
using AlertBot.ConsoleChat;
using AlertBot.Core.Storage;
using AlertBot.Hosting;
using AlertBot.IntegrationTests.Support;
using AlertBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AlertBot.IntegrationTests.Telegram;

/// <summary>
/// A group's administrators run their own topic through the fake Bot API and the real host: the moderators' menu,
/// rights checked through getChatAdministrators (getChatMember when that fails) with anonymous administrators
/// included, a loopback feed (allow-listed), a subscription and its alert, a disabled feed re-enabled and checked, the
/// OPML sent as a document and imported from one (caption or reply), the audit, and the confirm button; a member who
/// is not an administrator is refused.
/// </summary>
public sealed class TelegramModeratorFlowTests : IAsyncLifetime, IDisposable
{
    private const long Group = -100_4567;
    private const long Admin = 11;
    private const long Member = 77;
    private const long GroupAnonymousBot = 1087968824;
    private readonly TempDirectory _dir = new();
    private readonly List<(string Guid, string Title)> _items = [("d1", "Dana hits Valencia")];
    private FakeBotApi _api = null!;
    private LoopbackServer _feeds = null!;
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _feeds = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/operator.xml", () => Results.Text("<rss version=\"2.0\"><channel><title>Op</title></channel></rss>", "application/rss+xml"));
            app.MapGet("/community.xml", () => Results.Text(CommunityFeed.Rss(_items), "application/rss+xml"));
            app.MapGet("/more.xml", () => Results.Text(CommunityFeed.Rss([("m1", "More rain")]), "application/rss+xml"));
        });
        var topics = _dir.File("topics.json");
        await File.WriteAllTextAsync(topics, $$"""{"topics":[{"id":"op","name":"Operator topic","checkIntervalSeconds":3600,"sources":[{"url":"{{_feeds.Url("operator.xml")}}"}]}]}""");
        _api = await FakeBotApi.StartAsync(TelegramTestHost.Token);
        _api.SetAdmins(Group, Admin);
        _host = AppHost.Build(new CliArguments(Verb.Run, null, _dir.File("alertbot.db"), false), new ConsoleIO(TextReader.Null, TextWriter.Null),
            new Dictionary<string, string?>
            {
                ["Topics:File"] = topics,
                ["Fetch:AllowedNetworks:0"] = "127.0.0.0/8",
                ["Delivery:PollSeconds"] = "1",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Telegram:Token"] = TelegramTestHost.Token,
                ["Telegram:BaseUrl"] = _api.BaseUrl.ToString(),
                ["Telegram:PollTimeoutSeconds"] = "1",
                ["Telegram:GroupMessagesPerMinute"] = "6000",
                ["Telegram:PrivateChatMessagesPerMinute"] = "6000",
            });
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(10));
        _host.Dispose();
        await _api.DisposeAsync();
        await _feeds.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Group_administrators_run_a_community_topic_end_to_end_and_a_member_is_refused()
    {
        // The moderators' commands are in the administrators' menu only.
        var menus = await WaitForMenusAsync();
        Assert.Contains("topic", menus["all_chat_administrators"]);
        Assert.Contains("audit", menus["all_chat_administrators"]);
        Assert.DoesNotContain("topic", menus["default"]);

        // An anonymous administrator (the group speaking as itself) creates the topic.
        _api.AddMessage(Group, "supergroup", GroupAnonymousBot, "/topic add flood \"Valencia floods\" flood OR dana OR budget",
            senderChat: new JsonObject { ["id"] = Group, ["type"] = "supergroup", ["title"] = "Test group" });
        var created = await ReplyAsync("Topic flood created");
        // getChatAdministrators fails once: the member's rights are read through getChatMember instead.
        _api.ScriptError("getChatAdministrators", 400, "Bad Request: temporarily unavailable");
        var refused = await CommandAsync(Member, $"/topic source add flood {_feeds.Url("community.xml")}", "/topic source add is for moderators");
        var added = await CommandAsync(Admin, $"/topic source add flood {_feeds.Url("community.xml")}", "Added feed #");
        await CommandAsync(Admin, "/subscribe flood", "Subscribed (#");

        Assert.Equal("Topic flood created: Valencia floods, query flood OR dana OR budget, every 5m.", created.Split('\n')[0]);
        Assert.Equal("/topic source add is for moderators: you need to be an administrator of this chat.", refused);
        Assert.Contains(_api.CallsTo("getChatMember"), c => c.Body["user_id"]!.GetValue<long>() == Member);
        Assert.Contains("Community news, 1 item(s); newest: Dana hits Valencia", added, StringComparison.Ordinal);

        // A new item on the feed arrives in the group as an alert.
        var feed = (await Sources.FindByUrlAsync(_feeds.Url("community.xml").ToString()))!;
        _items.Add(("d2", "The flood reaches the old town"));
        await FeedChecks.CheckNowAsync(_host.Services, feed.Id);
        await _api.WaitForCallAsync("sendMessage", c => ChatOf(c) == Group && Text(c).Contains("The flood reaches the old town", StringComparison.Ordinal));

        // Disabled after 404s; re-enabling checks it at once and its new item is alerted.
        var now = _host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await Sources.RecordFailureAsync(feed.Id, "the server answered 404, 3 checks in a row", now, now, disable: true);
        _items.Add(("d3", "Parliament approves reconstruction budget"));
        var id = feed.Id.ToString(CultureInfo.InvariantCulture);
        var sources = await CommandAsync(Admin, "/topic sources flood", "Valencia floods (flood)");
        var enabled = await CommandAsync(Admin, $"/topic source enable flood {id}", $"Feed #{id} is enabled");
        Assert.Contains("disabled: the server answered 404, 3 checks in a row", sources, StringComparison.Ordinal);
        Assert.Equal($"Feed #{id} is enabled and was checked just now: ok, 1 new item(s).", enabled);
        await _api.WaitForCallAsync("sendMessage", c => ChatOf(c) == Group && Text(c).Contains("Parliament approves reconstruction budget", StringComparison.Ordinal));

        // Export sends the OPML as a document; import reads one from a caption or from the document a command replies to.
        var exported = await CommandAsync(Admin, "/topic export flood", "flood: 1 feed(s) as OPML.");
        var document = await _api.WaitForCallAsync("sendDocument");
        var file = Assert.Single(document.Files);
        Assert.Equal("flood.opml", file.FileName);
        Assert.Equal("attach://" + file.Field, document.Body["document"]!.GetValue<string>()); // the document field names its part
        Assert.Contains($"xmlUrl=\"{_feeds.Url("community.xml")}\"", file.Content, StringComparison.Ordinal);
        Assert.Equal(Group, ChatOf(document));
        Assert.DoesNotContain("<opml", exported, StringComparison.Ordinal);

        _api.AddDocument(Group, "supergroup", Admin, "/topic import flood", "more.opml", CommunityFeed.Opml(_feeds.Url("more.xml"), _feeds.Url("community.xml")));
        var imported = await ReplyAsync("Imported into flood");
        _api.AddReplyToDocument(Group, "supergroup", Admin, "/topic import flood", "broken.opml", "<opml><body>");
        var broken = await ReplyAsync("Nothing was imported");
        _api.AddDocument(Group, "supergroup", Member, "/topic import flood", "sneaky.opml", CommunityFeed.Opml(_feeds.Url("operator.xml")));
        await ReplyAsync("/topic import is for moderators");
        Assert.Equal("Imported into flood: 1 feed(s) added, 1 already there, 0 refused.", imported);
        Assert.StartsWith("Nothing was imported from broken.opml: not valid OPML", broken, StringComparison.Ordinal);
        Assert.Equal(2, _api.FileDownloads); // the member's file was never read
        Assert.Equal(2, _api.CallsTo("getFile").Count);
        Assert.Equal(2, (await Sources.ForTopicAsync("flood")).Count);

        var audit = (await CommandAsync(Admin, "/audit", "Last moderator actions")).Split('\n');
        Assert.Contains("topic import flood (none → 1 feed(s) added)", audit[1], StringComparison.Ordinal);
        Assert.Contains("topic source enable flood", audit[2], StringComparison.Ordinal);
        Assert.Contains("topic source add flood", audit[3], StringComparison.Ordinal);
        Assert.Contains("topic add flood", audit[4], StringComparison.Ordinal);

        // Removing a followed topic asks first; its button is pressed by a member (refused), then by an administrator.
        _api.AddMessage(Group, "supergroup", Admin, "/topic remove flood");
        var ask = await _api.WaitForCallAsync("sendMessage", c => ChatOf(c) == Group && Text(c).StartsWith("flood has 1 subscription(s)", StringComparison.Ordinal));
        var button = ask.Body["reply_markup"]!["inline_keyboard"]![0]![0]!;
        _api.AddCallback(Group, "supergroup", Member, button["callback_data"]!.GetValue<string>());
        var notByMember = await _api.WaitForCallAsync("answerCallbackQuery");
        _api.AddCallback(Group, "supergroup", Admin, button["callback_data"]!.GetValue<string>());
        var removed = await _api.WaitForCallAsync("answerCallbackQuery", c => c != notByMember);
        Assert.Equal("Remove flood", button["text"]!.GetValue<string>());
        Assert.Equal("/topic remove is for moderators: you need to be an administrator of this chat.", notByMember.Body["text"]!.GetValue<string>());
        Assert.Equal("Topic flood removed, with its 1 subscription(s).", removed.Body["text"]!.GetValue<string>());
    }

    private SourceStore Sources => _host.Services.GetRequiredService<SourceStore>();

    private static long ChatOf(RecordedCall call) => call.Body["chat_id"]!.GetValue<long>();

    private static string Text(RecordedCall call) => call.Body["text"]!.GetValue<string>();

    private async Task<string> CommandAsync(long userId, string command, string replyStart)
    {
        _api.AddMessage(Group, "supergroup", userId, command);
        return await ReplyAsync(replyStart);
    }

    /// <summary>The text of the first message sent to the group that starts with <paramref name="start"/>.</summary>
    private async Task<string> ReplyAsync(string start) =>
        Text(await _api.WaitForCallAsync("sendMessage", c => ChatOf(c) == Group && Text(c).StartsWith(start, StringComparison.Ordinal), TimeSpan.FromSeconds(20)));

    /// <summary>The commands of each setMyCommands scope ("default", "all_chat_administrators").</summary>
    private async Task<Dictionary<string, string[]>> WaitForMenusAsync()
    {
        await _api.WaitForCallAsync("setMyCommands", c => c.Body["scope"]?["type"]?.GetValue<string>() == "all_chat_administrators");
        return _api.CallsTo("setMyCommands").ToDictionary(
            c => c.Body["scope"]?["type"]?.GetValue<string>() ?? "default",
            c => c.Body["commands"]!.AsArray().Select(x => x!["command"]!.GetValue<string>()).ToArray());
    }
}
