using System.Text.RegularExpressions;
using AlertBot.Cli;
using AlertBot.ConsoleChat;
using AlertBot.Hosting;
using AlertBot.IntegrationTests.Support;
using AlertBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;

namespace AlertBot.IntegrationTests.EndToEnd;

/// <summary><c>once</c> delivers everything that is due before it exits, however large the backlog.</summary>
public sealed class OnceDeliveryTests : IDisposable
{
    private const int Items = 1000;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<(int Exit, string Output)> RunVerbAsync(Verb verb, string topicsFile, string input = "")
    {
        var output = new WatchedOutput();
        var cli = new CliArguments(verb, null, _dir.File("alertbot.db"), false);
        using var host = AppHost.Build(cli, new ConsoleIO(new StringReader(input), output), new Dictionary<string, string?>
        {
            ["Topics:File"] = topicsFile,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await host.StartValidationAsync();
        var exit = verb == Verb.Once ? await Verbs.OnceAsync(host, default) : await Verbs.ChatAsync(host, default);
        return (exit, output.Text);
    }

    /// <summary>
    /// A backlog of <paramref name="count"/> stored articles, each with a due outbox row for the console chat: what a
    /// big check leaves behind (written directly, so this test measures delivery and not the check).
    /// </summary>
    private async Task SeedBacklogAsync(int count)
    {
        await using var c = new SqliteConnection($"Data Source={_dir.File("alertbot.db")};Pooling=False");
        await c.OpenAsync();
        await using var tx = c.BeginTransaction();
        await using var insert = c.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO articles (topic_id, identity, title, link, fetched_at, text, summary)
            VALUES ('backlog', 'id:b' || $n, 'Backlog story ' || $n, 'http://news.test/b' || $n, '2026-01-01T00:00:00.000Z',
                    'Officials said ' || $n || ' more troops arrived.', 'Officials said ' || $n || ' more troops arrived.');
            INSERT INTO outbox (platform, chat_id, article_id, subscription_id, next_attempt_at, created_at)
            VALUES ('console', 'local', last_insert_rowid(), (SELECT MIN(id) FROM subscriptions), '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
            """;
        var n = insert.Parameters.Add("$n", SqliteType.Integer);
        for (var i = 1; i <= count; i++)
        {
            n.Value = i;
            await insert.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
    }

    [Fact]
    public async Task Once_delivers_a_thousand_due_alerts_on_the_console_in_one_run_and_says_how_many_per_platform()
    {
        var topics = _dir.File("topics.json");
        var feed = _dir.File("feed.xml");
        await File.WriteAllTextAsync(feed, """<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>""");
        await File.WriteAllTextAsync(topics,
            $$"""{"topics":[{"id":"backlog","name":"Backlog","checkIntervalSeconds":600,"sources":[{"url":"{{new Uri(feed)}}"}]}]}""");
        // The channel lifts its hourly cap (else alerts beyond it wait for the end of the hour as one digest).
        var setup = await RunVerbAsync(Verb.Chat, topics, "/subscribe backlog troops\n/channel set max-per-hour off\n");
        Assert.Equal(0, setup.Exit);
        Assert.Contains("max-per-hour", setup.Output, StringComparison.Ordinal);
        await SeedBacklogAsync(Items);

        var (exit, output) = await RunVerbAsync(Verb.Once, topics);

        Assert.Equal(0, exit);
        var titles = Regex.Matches(output, @"Backlog story (\d+)\n").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(Items, titles.Count);
        Assert.Equal(Items, titles.Distinct().Count());
        Assert.Contains($"{Items} alert(s) delivered (console {Items}).", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Backlog story", (await RunVerbAsync(Verb.Once, topics)).Output, StringComparison.Ordinal);
    }
}
