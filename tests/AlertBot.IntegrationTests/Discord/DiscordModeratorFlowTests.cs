using System.Text.Json;
using AlertBot.Cli;
using AlertBot.ConsoleChat;
using AlertBot.Core.Storage;
using AlertBot.Hosting;
using AlertBot.IntegrationTests.Support;
using AlertBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AlertBot.IntegrationTests.Discord;

/// <summary>
/// A server's moderators run their own topic through the fake Discord and the real host: slash subcommands with
/// options, topic autocomplete, a loopback feed (allow-listed), a subscription and its alert, a disabled feed
/// re-enabled and checked, the OPML file exported and imported, the audit, and the remove-confirm button; a member
/// without Manage Channels is refused.
/// </summary>
public sealed class DiscordModeratorFlowTests : IAsyncLifetime, IDisposable
{
    private const string Moderator = "16"; // MANAGE_CHANNELS
    private readonly TempDirectory _dir = new();
    private readonly List<(string Guid, string Title)> _items = [("d1", "Dana hits Valencia")];
    private FakeDiscord _fake = null!;
    private LoopbackServer _feeds = null!;
    private IHost _host = null!;
    private FakeGatewayConnection _gateway = null!;
    private int _sequence = 1;

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscord.StartAsync();
        _feeds = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/operator.xml", () => Results.Text("<rss version=\"2.0\"><channel><title>Op</title></channel></rss>", "application/rss+xml"));
            app.MapGet("/community.xml", () => Results.Text(CommunityFeed.Rss(_items), "application/rss+xml"));
            app.MapGet("/more.xml", () => Results.Text(CommunityFeed.Rss([("m1", "More rain")]), "application/rss+xml"));
        });
        var topics = _dir.File("topics.json");
        await File.WriteAllTextAsync(topics, $$"""{"topics":[{"id":"op","name":"Operator topic","checkIntervalSeconds":3600,"sources":[{"url":"{{_feeds.Url("operator.xml")}}"}]}]}""");
        _host = AppHost.Build(new CliArguments(Verb.Run, null, _dir.File("alertbot.db"), false), new ConsoleIO(TextReader.Null, TextWriter.Null),
            new Dictionary<string, string?>
            {
                ["Topics:File"] = topics,
                ["Fetch:AllowedNetworks:0"] = "127.0.0.0/8",
                ["Discord:Token"] = GatewayHarness.Token,
                ["Discord:ApiBaseUrl"] = _fake.ApiBase,
                ["Logging:LogLevel:Default"] = "Warning",
            },
            services => services.AddSingleton(GatewayHarness.FastTimings()));
        await _host.StartAsync();
        _gateway = await _fake.NextConnectionAsync();
        await _gateway.HelloAsync(45_000);
        await _gateway.ReceiveOpAsync(2);
        await _gateway.ReadyAsync(1, "session-1", _fake.ResumeUrl);
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _fake.DisposeAsync();
        await _feeds.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_moderator_runs_a_community_topic_end_to_end_and_a_member_without_manage_channels_is_refused()
    {
        var created = await TopicAsync("2001", "add", [Opt("id", "flood"), Opt("name", "Valencia floods"), Opt("query", "flood OR dana OR budget")]);
        var refused = await TopicAsync("2002", "add", [Opt("id", "evil"), Opt("name", "Evil")], permissions: "0");
        var choices = await AutocompleteAsync("2003", "fl");
        var added = await TopicAsync("2004", "source", [new { name = "add", type = 1, options = new object[] { Opt("topic", "flood"), Opt("url", _feeds.Url("community.xml").ToString()) } }]);
        var subscribed = Content(await CommandAsync("2005", "subscribe", [Opt("topic", "flood")], Moderator));

        Assert.Equal("Topic flood created: Valencia floods, query flood OR dana OR budget, every 5m.", created.Split('\n')[0]);
        Assert.Equal("/topic add is for moderators: you need Manage Channels or Manage Server in this server.", refused);
        Assert.Contains("flood", choices);
        Assert.DoesNotContain("evil", choices);
        Assert.StartsWith("Added feed #", added, StringComparison.Ordinal);
        Assert.Contains("Community news, 1 item(s); newest: Dana hits Valencia", added, StringComparison.Ordinal);
        Assert.StartsWith("Subscribed (#", subscribed, StringComparison.Ordinal);

        // A new item on the feed arrives in the channel as an alert.
        var feed = (await Sources.FindByUrlAsync(_feeds.Url("community.xml").ToString()))!;
        _items.Add(("d2", "The flood reaches the old town"));
        await FeedChecks.CheckNowAsync(_host.Services, feed.Id);
        await _fake.WaitForRequestAsync(r => r.Method == "POST" && r.Path == "/channels/60/messages" && r.Body.Contains("The flood reaches the old town", StringComparison.Ordinal));

        // Disabled after 404s; re-enabling checks it at once and its new item is alerted.
        var now = _host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await Sources.RecordFailureAsync(feed.Id, "the server answered 404, 3 checks in a row", now, now, disable: true);
        _items.Add(("d3", "Parliament approves reconstruction budget"));
        var sources = await TopicAsync("2006", "sources", [Opt("topic", "flood")]);
        var enabled = await TopicAsync("2007", "source", [new { name = "enable", type = 1, options = new object[] { Opt("topic", "flood"), Opt("feed", feed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) } }]);
        Assert.Contains("disabled: the server answered 404, 3 checks in a row", sources, StringComparison.Ordinal);
        Assert.Equal($"Feed #{feed.Id} is enabled and was checked just now: ok, 1 new item(s).", enabled);
        await _fake.WaitForRequestAsync(r => r.Method == "POST" && r.Path == "/channels/60/messages" && r.Body.Contains("Parliament approves reconstruction budget", StringComparison.Ordinal));

        // Export replies with the OPML as a file; import reads one from the attachment option through the CDN.
        var export = await CommandAsync("2008", "topic", [new { name = "export", type = 1, options = new object[] { Opt("topic", "flood") } }], Moderator);
        var file = Assert.Single(export.Files);
        Assert.Equal(("files[0]", "flood.opml", "text/x-opml"), (file.PartName, file.FileName, file.ContentType));
        Assert.Contains($"xmlUrl=\"{_feeds.Url("community.xml")}\"", file.Content, StringComparison.Ordinal);
        Assert.Equal("flood.opml", Message(export).GetProperty("attachments")[0].GetProperty("filename").GetString());
        var imported = Content(await ImportAsync("2009", "more.opml", CommunityFeed.Opml(_feeds.Url("more.xml"), _feeds.Url("community.xml"))));
        var broken = Content(await ImportAsync("2010", "broken.opml", "<opml><body>"));
        Assert.Equal("Imported into flood: 1 feed(s) added, 1 already there, 0 refused.", imported);
        Assert.StartsWith("Nothing was imported from broken.opml: not valid OPML", broken, StringComparison.Ordinal);
        Assert.Equal(2, _fake.CdnDownloads);
        Assert.Equal(2, (await Sources.ForTopicAsync("flood")).Count);

        var audit = Content(await CommandAsync("2011", "audit", [], Moderator)).Split('\n');
        Assert.Contains("topic import flood (none → 1 feed(s) added)", audit[1], StringComparison.Ordinal);
        Assert.Contains("topic source enable flood", audit[2], StringComparison.Ordinal);
        Assert.Contains("topic source add flood", audit[3], StringComparison.Ordinal);
        Assert.Contains("topic add flood", audit[4], StringComparison.Ordinal);

        // Removing a followed topic asks first; the button does it, with the presser's own rights.
        var ask = await CommandAsync("2012", "topic", [new { name = "remove", type = 1, options = new object[] { Opt("topic", "flood") } }], Moderator);
        var button = Message(ask).GetProperty("components")[0].GetProperty("components")[0];
        var notByMember = await PressAsync("2013", button.GetProperty("custom_id").GetString()!, "0");
        var removed = await PressAsync("2014", button.GetProperty("custom_id").GetString()!, Moderator);
        Assert.StartsWith("flood has 1 subscription(s); removing it ends them.", Content(ask), StringComparison.Ordinal);
        Assert.Equal("Remove flood", button.GetProperty("label").GetString());
        Assert.Equal("/topic remove is for moderators: you need Manage Channels or Manage Server in this server.", notByMember);
        Assert.Equal("Topic flood removed, with its 1 subscription(s).", removed);
    }

    private SourceStore Sources => _host.Services.GetRequiredService<SourceStore>();

    private static object Opt(string name, string value) => new { name, type = 3, value };

    private static JsonElement Json(RecordedRequest request) => JsonDocument.Parse(request.Body).RootElement;

    /// <summary>The reply message: the callback's data, or the body of the edit that follows a deferral.</summary>
    private static JsonElement Message(RecordedRequest request) =>
        request.Path.EndsWith("/callback", StringComparison.Ordinal) ? Json(request).GetProperty("data") : Json(request);

    private static string Content(RecordedRequest request) => Message(request).GetProperty("content").GetString()!;

    /// <summary>Runs /topic &lt;subcommand&gt; and returns the reply's text.</summary>
    private async Task<string> TopicAsync(string id, string subcommand, object[] options, string permissions = Moderator)
    {
        // "source" is a subcommand group: its options are the subcommand (add, enable) with its own options.
        object[] nested = [new { name = subcommand, type = subcommand == "source" ? 2 : 1, options }];
        return Content(await CommandAsync(id, "topic", nested, permissions));
    }

    private Task<RecordedRequest> CommandAsync(string id, string name, object[] options, string permissions) =>
        InteractAsync(id, BotHarness.SlashCommand(id, name, options, permissions));

    private async Task<RecordedRequest> InteractAsync(string id, object interaction)
    {
        await _gateway.DispatchAsync("INTERACTION_CREATE", ++_sequence, interaction);
        var callback = await _fake.WaitForRequestAsync(r => r.Path == $"/interactions/{id}/tok-{id}/callback", timeout: TimeSpan.FromSeconds(20));
        // On a slow machine the reply may be deferred (type 5) and come as an edit of the original response.
        return Json(callback).GetProperty("type").GetInt32() == 5
            ? await _fake.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path == $"/webhooks/900/tok-{id}/messages/@original", timeout: TimeSpan.FromSeconds(20))
            : callback;
    }

    /// <summary>/topic import flood with an OPML file in its attachment option, as Discord sends it (value = the attachment's id).</summary>
    private Task<RecordedRequest> ImportAsync(string id, string fileName, string content) => InteractAsync(id, new
    {
        id, type = 2, token = "tok-" + id, application_id = "900", guild_id = "50", channel_id = "60",
        member = new { user = new { id = "70", username = "alice" }, roles = Array.Empty<string>(), permissions = Moderator },
        data = new
        {
            id = "5", name = "topic", type = 1,
            options = new[] { new { name = "import", type = 1, options = new object[] { Opt("topic", "flood"), new { name = "file", type = 11, value = "att" + id } } } },
            resolved = new { attachments = new Dictionary<string, object> { ["att" + id] = _fake.AddAttachment("att" + id, fileName, content) } },
        },
        version = 1,
    });

    private async Task<string[]> AutocompleteAsync(string id, string partial)
    {
        var reply = await InteractAsync(id, new
        {
            id, type = 4, token = "tok-" + id, application_id = "900", guild_id = "50", channel_id = "60",
            member = new { user = new { id = "70", username = "alice" }, permissions = Moderator },
            data = new
            {
                id = "5", name = "topic", type = 1,
                options = new[] { new { name = "source", type = 2, options = new[] { new { name = "add", type = 1, options = new object[] { new { name = "topic", type = 3, value = partial, focused = true } } } } } },
            },
        });
        Assert.Equal(8, Json(reply).GetProperty("type").GetInt32());
        return [.. Json(reply).GetProperty("data").GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()!)];
    }

    private async Task<string> PressAsync(string id, string customId, string permissions) => Content(await InteractAsync(id, new
    {
        id, type = 3, token = "tok-" + id, application_id = "900", guild_id = "50", channel_id = "60",
        member = new { user = new { id = "72", username = "carol" }, permissions },
        message = new { id = "88" },
        data = new { custom_id = customId, component_type = 2 },
    }));
}
