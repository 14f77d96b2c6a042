using System.Text.Json;
using AlertBot.Cli;
using AlertBot.ConsoleChat;
using AlertBot.Hosting;
using AlertBot.IntegrationTests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AlertBot.IntegrationTests.EndToEnd;

/// <summary><c>alertbot check-feed</c> and <c>alertbot extract</c> through the real host services.</summary>
public sealed class InspectVerbTests
{
    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(Verb verb, string target, bool json)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var cli = new CliArguments(verb, target, null, json);
        using var host = AppHost.Build(cli, new ConsoleIO(new StringReader(""), new StringWriter()),
            new Dictionary<string, string?> { ["Fetch:AllowedNetworks:0"] = "127.0.0.0/8" });
        var exit = verb == Verb.CheckFeed
            ? await InspectVerbs.CheckFeedAsync(host, cli, stdout, stderr, default)
            : await InspectVerbs.ExtractAsync(host, cli, stdout, stderr, default);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Check_feed_json_prints_exactly_one_document_with_the_items()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed", () => Results.Text(
            "<rss version=\"2.0\"><channel><title>T &amp; Co</title><link>https://t.example/</link><item><guid>1</guid><title>Troops &lt;b&gt;arrive&lt;/b&gt;</title>" +
            "<link>/a/1</link><pubDate>Tue, 03 Sep 2025 10:00:00 +0200</pubDate><category>war</category></item></channel></rss>", "application/rss+xml")));

        var (exit, stdout, stderr) = await RunAsync(Verb.CheckFeed, server.Url("feed").ToString(), json: true);

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("T & Co", doc.RootElement.GetProperty("title").GetString());
        var item = Assert.Single(doc.RootElement.GetProperty("items").EnumerateArray().ToList());
        Assert.Equal("Troops arrive", item.GetProperty("title").GetString());
        Assert.Equal("2025-09-03T08:00:00Z", item.GetProperty("published").GetString());
        Assert.Equal(server.Url("a/1").ToString(), item.GetProperty("link").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("updated").ValueKind);
    }

    [Fact]
    public async Task Check_feed_on_an_html_page_fails_and_names_the_feed_it_announces()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/", () => Results.Content(
            "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss.xml\"></head><body>Hello</body></html>", "text/html")));

        var (exit, stdout, stderr) = await RunAsync(Verb.CheckFeed, server.Url("").ToString(), json: true);

        Assert.NotEqual(0, exit);
        Assert.Equal("", stdout);
        Assert.Contains(server.Url("rss.xml").ToString(), stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_json_on_a_seed_has_title_text_summary_and_figures_with_the_dev_set_keys()
    {
        var seed = Path.Combine(AppContext.BaseDirectory, "config", "samples", "seeds", "000_ee0e0a5e3b3d174f.txt");

        var (exit, stdout, stderr) = await RunAsync(Verb.Extract, seed, json: true);

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.StartsWith("North Korea Strengthens Military Ties", root.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Post Comment", root.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.InRange(root.GetProperty("summary").GetString()!.Length, 40, 300);
        var figures = root.GetProperty("figures").EnumerateArray().ToList();
        Assert.Contains(figures, f => f.GetProperty("value").GetDouble() == 11000 && f.GetProperty("measure").GetString() == "troops deployed");
        foreach (var key in new[] { "value", "value_high", "unit", "measure", "subject", "qualifier", "claimed_by", "when", "quote" })
            Assert.True(figures[0].TryGetProperty(key, out _), key);
    }

    [Fact]
    public async Task Extract_of_a_missing_file_fails_with_the_reason()
    {
        var (exit, _, stderr) = await RunAsync(Verb.Extract, "/nonexistent/article.txt", json: true);
        Assert.NotEqual(0, exit);
        Assert.Contains("no such file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_on_a_url_fetches_the_page_and_keeps_the_article_not_the_furniture()
    {
        const string Page = """
            <!doctype html><html><head><title>Troops arrive in Kursk | Daily Example</title></head><body>
            <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
            <article><h1>Troops arrive in Kursk</h1>
            <p>North Korea has deployed about 11,000 soldiers to the Kursk region, South Korea's military said on Monday, citing intelligence gathered over several weeks.</p>
            <p>The deployment, the officials added, follows a defence treaty signed in June, and includes artillery units as well as special forces, according to the assessment.</p>
            </article>
            <aside><h3>Related posts</h3><ul><li><a href="/a">Markets rally</a></li><li><a href="/b">Weather warning</a></li></ul></aside>
            <footer>Post Comment · 0 Comments · © Daily Example</footer></body></html>
            """;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/story", () => Results.Content(Page, "text/html; charset=utf-8")));

        var (exit, stdout, stderr) = await RunAsync(Verb.Extract, server.Url("story").ToString(), json: true);

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var text = doc.RootElement.GetProperty("text").GetString()!;
        Assert.Contains("about 11,000 soldiers to the Kursk region", text, StringComparison.Ordinal);
        Assert.Contains("follows a defence treaty signed in June", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Markets rally", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Post Comment", text, StringComparison.Ordinal);
        Assert.Contains(doc.RootElement.GetProperty("figures").EnumerateArray(), f => f.GetProperty("value").GetDouble() == 11000);
    }

    [Fact]
    public async Task Check_feed_reads_a_local_file_too()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "config", "samples", "nk-russia.xml");

        var (exit, stdout, stderr) = await RunAsync(Verb.CheckFeed, sample, json: true);

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var items = doc.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(5, items.Count);
        Assert.All(items, i => Assert.EndsWith("Z", i.GetProperty("published").GetString(), StringComparison.Ordinal));
    }
}
