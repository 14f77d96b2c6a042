using AlertBot.Cli;
using AlertBot.ConsoleChat;
using AlertBot.Core;
using AlertBot.Core.Commands;
using AlertBot.Core.Pipeline;
using AlertBot.Core.Storage;
using AlertBot.Hosting;
using AlertBot.IntegrationTests.Support;
using AlertBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AlertBot.IntegrationTests.EndToEnd;

/// <summary>
/// A moderator runs a community topic from the console, through the real host: creates it, adds a loopback feed,
/// subscribes, gets the feed's new items as alerts, re-enables the feed after it was disabled, and reads the audit.
/// </summary>
public sealed class CommunityTopicTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly List<(string Guid, string Title)> _items = [("d1", "Dana hits Valencia")];

    public void Dispose() => _dir.Dispose();

    private string Feed() =>
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Community news</title>" +
        string.Concat(_items.Select((i, n) =>
            $"<item><guid>{i.Guid}</guid><title>{i.Title}</title><link>http://news.test/{i.Guid}</link>" +
            $"<pubDate>Mon, 0{n + 1} Sep 2025 10:00:00 GMT</pubDate><description>{i.Title}. The flood reached the city.</description></item>")) +
        "</channel></rss>";

    private Dictionary<string, string?> Settings(Uri operatorFeed)
    {
        var topics = _dir.File("topics.json");
        File.WriteAllText(topics, $$"""{"topics":[{"id":"loop","name":"Operator topic","checkIntervalSeconds":600,"sources":[{"url":"{{operatorFeed}}"}]}]}""");
        return new() { ["Topics:File"] = topics, ["Fetch:AllowedNetworks:0"] = "127.0.0.0/8" };
    }

    private async Task<string> RunAsync(Verb verb, Dictionary<string, string?> settings, params string[] input)
    {
        var output = new WatchedOutput();
        using var host = AppHost.Build(new CliArguments(verb, null, _dir.File("alertbot.db"), false), new ConsoleIO(new StringReader(string.Join('\n', input)), output), settings);
        await host.StartValidationAsync();
        Assert.Equal(0, verb == Verb.Once ? await Verbs.OnceAsync(host, default) : await Verbs.ChatAsync(host, default));
        return output.Text;
    }

    private async Task<T> WithHostAsync<T>(Dictionary<string, string?> settings, Func<IServiceProvider, Task<T>> action)
    {
        using var host = AppHost.Build(new CliArguments(Verb.Chat, null, _dir.File("alertbot.db"), false), new ConsoleIO(new StringReader(""), new StringWriter()), settings);
        await host.StartValidationAsync();
        await host.Services.GetRequiredService<BotInitializer>().InitializeAsync(default);
        return await action(host.Services);
    }

    [Fact]
    public async Task A_moderator_creates_a_topic_adds_a_feed_and_gets_its_new_items_while_others_are_refused_and_the_audit_lists_each_change()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/operator.xml", () => Results.Text("<rss version=\"2.0\"><channel><title>Op</title></channel></rss>", "application/rss+xml"));
            app.MapGet("/community.xml", () => Results.Text(Feed(), "application/rss+xml"));
            app.MapGet("/page.html", () => Results.Text("<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/community.xml\"></head><body>News</body></html>", "text/html"));
        });
        var settings = Settings(server.Url("operator.xml"));

        var setup = await RunAsync(Verb.Chat, settings,
            "/topic add flood \"Valencia floods\" flood OR dana",
            $"/topic source add flood {server.Url("page.html")}",
            $"/topic source add flood {server.Url("community.xml")}",
            "/subscribe flood");
        Assert.Contains("Topic flood created: Valencia floods, query flood OR dana, every 5m.", setup, StringComparison.Ordinal);
        Assert.Contains($"It announces 1 feed(s); add one with /topic source add flood <url>:\n• {server.Url("community.xml")}", setup, StringComparison.Ordinal);
        Assert.Contains("to flood: Community news, 1 item(s); newest: Dana hits Valencia (2025-09-01 10:00 UTC).", setup, StringComparison.Ordinal);
        Assert.Contains("Subscribed (#1)", setup, StringComparison.Ordinal);

        Assert.Contains("🔔 [flood] Dana hits Valencia", await RunAsync(Verb.Once, settings), StringComparison.Ordinal);
        _items.Add(("d2", "The flood reaches the old town"));
        var second = await RunAsync(Verb.Once, settings);
        Assert.Contains("🔔 [flood] The flood reaches the old town", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Dana hits Valencia", second, StringComparison.Ordinal);

        // A member of a Telegram group who is not an administrator cannot touch topics.
        var refused = await WithHostAsync(settings, sp => sp.GetRequiredService<ICommandHandler>().HandleAsync(
            CommandRequest.FromText(new ChatTarget("telegram", "-42"), "7", "eve", "topic", "add evil Evil", isPrivateChat: false, isModerator: false), default));
        Assert.Equal("/topic add is for moderators: you need to be an administrator of this chat.", refused.Text);

        // The feed is disabled (as after repeated 404s); re-enabling checks it at once and its new item is alerted.
        var feedId = await WithHostAsync(settings, async sp =>
        {
            var sources = sp.GetRequiredService<SourceStore>();
            var feed = (await sources.FindByUrlAsync(server.Url("community.xml").ToString()))!;
            var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
            await sources.RecordFailureAsync(feed.Id, "the server answered 404, 3 checks in a row", now, now, disable: true);
            return feed.Id;
        });
        _items.Add(("d3", "Dana: the river falls"));
        var enable = await RunAsync(Verb.Chat, settings, "/topic sources flood", $"/topic source enable flood {feedId}", "/audit");
        Assert.Contains("disabled: the server answered 404, 3 checks in a row", enable, StringComparison.Ordinal);
        Assert.Contains($"Feed #{feedId} is enabled and was checked just now: ok, 1 new item(s).", enable, StringComparison.Ordinal);
        Assert.Contains("🔔 [flood] Dana: the river falls", await RunAsync(Verb.Once, settings), StringComparison.Ordinal);

        var audit = enable[enable.IndexOf("Last moderator actions", StringComparison.Ordinal)..].Split('\n');
        Assert.Contains("topic source enable flood (disabled: the server answered 404, 3 checks in a row → #" + feedId + " enabled)", audit[1], StringComparison.Ordinal);
        Assert.Contains("topic source add flood (none → #" + feedId + " " + server.Url("community.xml") + ")", audit[2], StringComparison.Ordinal);
        Assert.Contains("topic add flood (none → Valencia floods, query flood OR dana, every 5m)", audit[3], StringComparison.Ordinal);
    }
}
