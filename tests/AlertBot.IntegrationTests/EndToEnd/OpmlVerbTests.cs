using AlertBot.Cli;
using AlertBot.ConsoleChat;
using AlertBot.Hosting;
using AlertBot.Tests.Support;
using Microsoft.Extensions.Hosting;

namespace AlertBot.IntegrationTests.EndToEnd;

/// <summary><c>alertbot opml import|export</c> through the real host on a SQLite file.</summary>
public sealed class OpmlVerbTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var topics = _dir.File("topics.json");
        File.WriteAllText(topics, """{"topics":[{"id":"world","name":"World news","sources":[{"url":"https://world.example/rss"}]}]}""");
        var cli = CliArguments.Parse([.. args, "--db", _dir.File("alertbot.db")], out var error);
        Assert.Null(error);
        using var host = AppHost.Build(cli, new ConsoleIO(new StringReader(""), new StringWriter()), new Dictionary<string, string?> { ["Topics:File"] = topics });
        await host.StartValidationAsync();
        using StringWriter stdout = new(), stderr = new();
        var exit = await OpmlVerb.RunAsync(host, cli, stdout, stderr, default);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Importing_a_list_adds_its_http_feeds_refuses_the_rest_and_export_lists_them_all()
    {
        var list = _dir.File("feeds.opml");
        File.WriteAllText(list, """
            <opml version="2.0"><body>
              <outline text="Tech" xmlUrl="https://TECH.example:443/feed?utm_source=reader"/>
              <outline text="Local file" xmlUrl="file:///etc/passwd"/>
              <outline text="Same as the topic's" xmlUrl="https://world.example/rss"/>
            </body></opml>
            """);
        var imported = await RunAsync("opml", "import", "world", list);
        var exported = await RunAsync("opml", "export", "world");

        Assert.Equal(0, imported.Exit);
        Assert.Equal("world: 1 feed(s) added, 1 already there, 1 refused.", imported.Out.Trim());
        Assert.Contains("file:///etc/passwd (not http or https)", imported.Err, StringComparison.Ordinal);
        Assert.Contains("<title>World news</title>", exported.Out, StringComparison.Ordinal);
        Assert.Contains("xmlUrl=\"https://world.example/rss\"", exported.Out, StringComparison.Ordinal);
        Assert.Contains("xmlUrl=\"https://tech.example/feed\" title=\"Tech\"", exported.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_opml_verb_needs_an_action_and_a_topic()
    {
        CliArguments.Parse(["opml", "export"], out var error);

        Assert.Equal("opml needs: export <topic>, or import <topic> <file or URL>", error);
    }
}
