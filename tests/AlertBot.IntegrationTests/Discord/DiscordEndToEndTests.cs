using System.Text.Json;
using AlertBot.Cli;
using AlertBot.ConsoleChat;
using AlertBot.Core.Channels;
using AlertBot.Core.Pipeline;
using AlertBot.Core.Storage;
using AlertBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AlertBot.IntegrationTests.Discord;

/// <summary>
/// The real host (AppHost, run verb) with a Discord token: a real SQLite file, the real command dispatcher and
/// outbox, talking to the fake Discord. A /subscribe interaction stores a subscription; an article that appears
/// in the feed afterwards arrives in that channel as an embed.
/// </summary>
public sealed class DiscordEndToEndTests : IAsyncLifetime
{
    private const string EmptyFeed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Test feed</title><link>https://example.org/</link><description>t</description>
        </channel></rss>
        """;

    private const string FeedWithItem = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Test feed</title><link>https://example.org/</link><description>t</description>
        <item><title>North Korea sends 3,000 more troops to Russia</title><link>https://example.org/story-1</link>
        <media:thumbnail url="https://cdn.example.org/story-1.jpg" width="320" height="180"/>
        <guid isPermaLink="false">story-1</guid><pubDate>Mon, 13 Jan 2025 06:10:00 +0000</pubDate>
        <description>South Korea's Joint Chiefs of Staff said about 3,000 additional North Korean troops were sent to Russia this month. @everyone should read it.</description></item>
        </channel></rss>
        """;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "alertbot-discord-e2e-" + Guid.NewGuid().ToString("N"));
    private FakeDiscord _fake = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        await File.WriteAllTextAsync(Path.Combine(_dir, "feed.xml"), EmptyFeed);
        await File.WriteAllTextAsync(Path.Combine(_dir, "topics.json"), """
            {"topics":[{"id":"nk-russia","name":"North Korean troops in Russia","query":"","checkIntervalSeconds":3600,
              "sources":[{"url":"feed.xml","drip":false}]}]}
            """);
        _fake = await FakeDiscord.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private IHost BuildHost() => AppHost.Build(
        new CliArguments(Verb.Run, null, Path.Combine(_dir, "alertbot.db"), false),
        new ConsoleIO(TextReader.Null, TextWriter.Null),
        new Dictionary<string, string?>
        {
            ["Topics:File"] = Path.Combine(_dir, "topics.json"),
            ["Discord:Token"] = GatewayHarness.Token,
            ["Discord:ApiBaseUrl"] = _fake.ApiBase,
            ["Logging:LogLevel:Default"] = "Warning",
        },
        services => services.AddSingleton(GatewayHarness.FastTimings()));

    private async Task<FakeGatewayConnection> ReadyAsync()
    {
        var gateway = await _fake.NextConnectionAsync();
        await gateway.HelloAsync(45_000);
        await gateway.ReceiveOpAsync(2);
        await gateway.ReadyAsync(1, "session-1", _fake.ResumeUrl);
        return gateway;
    }

    private async Task<string?> InteractAsync(FakeGatewayConnection gateway, int sequence, object interaction, string id)
    {
        await gateway.DispatchAsync("INTERACTION_CREATE", sequence, interaction);
        var reply = await _fake.WaitForRequestAsync(r => r.Path == $"/interactions/{id}/tok-{id}/callback");
        return JsonDocument.Parse(reply.Body).RootElement.GetProperty("data").GetProperty("content").GetString();
    }

    [Fact]
    public async Task A_channel_set_subcommand_changes_the_channels_settings_through_the_real_dispatcher()
    {
        using var host = BuildHost();
        await host.StartAsync();
        try
        {
            var gateway = await ReadyAsync();

            var reply = await InteractAsync(gateway, 2, BotHarness.SlashCommand("2101", "channel",
                [new { name = "set", type = 1, options = new[] { new { name = "key", type = 3, value = "timezone" }, new { name = "value", type = 3, value = "europe/berlin" } } }],
                permissions: "16"), "2101");
            var settings = await host.Services.GetRequiredService<ChannelSettingsStore>().GetAsync(new("discord", "60"), CancellationToken.None);
            var shown = await InteractAsync(gateway, 3, BotHarness.SlashCommand("2102", "channel", [new { name = "settings", type = 1 }], permissions: "16"), "2102");
            var refused = await InteractAsync(gateway, 4, BotHarness.SlashCommand("2103", "channel",
                [new { name = "set", type = 1, options = new[] { new { name = "key", type = 3, value = "mode" }, new { name = "value", type = 3, value = "digest" } } }],
                permissions: "0"), "2103");

            Assert.Equal("timezone: UTC → Europe/Berlin.", reply);
            Assert.Equal("Europe/Berlin", settings.TimeZone);
            Assert.Contains("\ntimezone: Europe/Berlin\n", shown, StringComparison.Ordinal);
            Assert.Equal("/channel set is for moderators: you need Manage Channels or Manage Server in this server.", refused);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_subscribe_interaction_stores_a_subscription_and_the_next_article_arrives_as_an_embed()
    {
        using var host = BuildHost();
        await host.StartAsync();
        try
        {
            var gateway = await ReadyAsync();

            await gateway.DispatchAsync("INTERACTION_CREATE", 2, BotHarness.SlashCommand("2001", "subscribe",
                [new { name = "topic", type = 3, value = "nk-russia" }, new { name = "query", type = 3, value = "troops" }], permissions: "16"));
            var reply = await _fake.WaitForRequestAsync(r => r.Path == "/interactions/2001/tok-2001/callback");
            var replyText = JsonDocument.Parse(reply.Body).RootElement.GetProperty("data").GetProperty("content").GetString();
            Assert.StartsWith("Subscribed (#", replyText, StringComparison.Ordinal);
            var stored = await host.Services.GetRequiredService<SubscriptionStore>().ListForChatAsync(new("discord", "60"), CancellationToken.None);
            Assert.Single(stored);

            await File.WriteAllTextAsync(Path.Combine(_dir, "feed.xml"), FeedWithItem);
            var source = (await host.Services.GetRequiredService<SourceStore>().ListAsync(CancellationToken.None)).Single();
            await host.Services.GetRequiredService<SourceChecker>().CheckAsync(source.Id, honourDrip: false, CancellationToken.None);

            var post = await _fake.WaitForRequestAsync(r => r.Method == "POST" && r.Path == "/channels/60/messages");
            var body = JsonDocument.Parse(post.Body).RootElement;
            var embed = body.GetProperty("embeds")[0];
            Assert.Equal("North Korea sends 3,000 more troops to Russia", embed.GetProperty("title").GetString());
            Assert.Equal("https://example.org/story-1", embed.GetProperty("url").GetString());
            Assert.Equal("https://cdn.example.org/story-1.jpg", embed.GetProperty("thumbnail").GetProperty("url").GetString());
            Assert.DoesNotContain("@everyone", embed.GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.Equal("""{"parse":[]}""", body.GetProperty("allowed_mentions").GetRawText());
            Assert.True(body.GetProperty("enforce_nonce").GetBoolean());
            Assert.StartsWith("ab", body.GetProperty("nonce").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
