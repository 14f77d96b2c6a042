using System.Text.Json;
using AlertBot.Core;
using AlertBot.Core.Delivery;
using AlertBot.Discord;
using AlertBot.Discord.Alerts;
using AlertBot.Discord.Rest;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlertBot.IntegrationTests.Discord;

public sealed class DiscordPlatformTests : IAsyncLifetime
{
    private FakeDiscord _fake = null!;
    private DiscordPlatform _platform = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscord.StartAsync();
        var rest = new DiscordRestClient(new HttpClient(), new DiscordOptions { Token = "t", ApiBaseUrl = _fake.ApiBase }, TimeProvider.System, NullLogger<DiscordRestClient>.Instance);
        _platform = new DiscordPlatform(rest, NullLogger<DiscordPlatform>.Instance);
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private static AlertMessage Alert(string chatId, long outboxId = 42) => new()
    {
        OutboxId = outboxId,
        Target = new ChatTarget("discord", chatId),
        SubscriptionId = 7,
        TopicId = "nk-russia",
        TopicName = "North Korean troops in Russia",
        Title = "North Korea sent 3,000 more troops @everyone",
        Url = "https://example.com/story",
        Summary = "Seoul says <@&123> about 3,000 additional troops were sent.",
        Figures = [new AlertFigure("troops deployed", "3,000", "South Korea's Joint Chiefs of Staff")],
        Outlet = "koreaherald.com",
        Published = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
    };

    [Fact]
    public async Task An_alert_is_posted_as_an_embed_that_mentions_nobody_with_a_nonce()
    {
        var result = await _platform.SendAlertAsync(Alert("111"), CancellationToken.None);

        Assert.IsType<DeliveryResult.Delivered>(result);
        var post = Assert.Single(_fake.Requests);
        Assert.Equal("POST", post.Method);
        Assert.Equal("/channels/111/messages", post.Path);
        var body = JsonDocument.Parse(post.Body).RootElement;
        Assert.Equal("""{"parse":[]}""", body.GetProperty("allowed_mentions").GetRawText());
        Assert.Equal("ab42", body.GetProperty("nonce").GetString());
        Assert.True(body.GetProperty("enforce_nonce").GetBoolean());
        Assert.False(body.TryGetProperty("content", out _));
        var embed = body.GetProperty("embeds")[0];
        Assert.Equal("https://example.com/story", embed.GetProperty("url").GetString());
        Assert.Contains("3,000 more troops", embed.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("troops deployed", embed.GetProperty("fields")[0].GetProperty("name").GetString());
        Assert.Equal("koreaherald.com · North Korean troops in Russia", embed.GetProperty("footer").GetProperty("text").GetString());
        Assert.Equal("2026-01-02T03:04:05.000Z", embed.GetProperty("timestamp").GetString());
    }

    [Theory]
    [InlineData(true, "https://cdn.example.com/thumb.jpg?w=320&h=180", "https://cdn.example.com/thumb.jpg?w=320&h=180")]
    [InlineData(false, "https://cdn.example.com/thumb.jpg", null)]
    [InlineData(true, "javascript:alert(1)", null)]
    [InlineData(true, "data:image/png;base64,AAAA", null)]
    [InlineData(true, "/relative/thumb.jpg", null)]
    [InlineData(true, null, null)]
    public async Task An_alerts_embed_shows_the_feeds_image_as_its_thumbnail_only_with_previews_on_and_only_from_an_http_url(
        bool previews, string? imageUrl, string? thumbnail)
    {
        await _platform.SendAlertAsync(Alert("111") with { ShowPreview = previews, ImageUrl = imageUrl }, CancellationToken.None);

        var embed = JsonDocument.Parse(Assert.Single(_fake.Requests).Body).RootElement.GetProperty("embeds")[0];
        Assert.Equal(thumbnail, embed.TryGetProperty("thumbnail", out var t) ? t.GetProperty("url").GetString() : null);
        Assert.Equal("https://example.com/story", embed.GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_retried_alert_reuses_its_nonce()
    {
        await _platform.SendAlertAsync(Alert("111"), CancellationToken.None);
        await _platform.SendAlertAsync(Alert("111"), CancellationToken.None);

        var nonces = _fake.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("nonce").GetString()).ToList();
        Assert.Equal(2, nonces.Count);
        Assert.Equal(nonces[0], nonces[1]);
    }

    [Fact]
    public async Task A_personal_alert_opens_the_dm_channel_once_and_posts_there()
    {
        _fake.Respond(r => r.Path == "/users/@me/channels" ? new FakeResponse(200, """{"id":"333","type":1}""") : null);

        await _platform.SendAlertAsync(Alert("@222", 1), CancellationToken.None);
        await _platform.SendAlertAsync(Alert("@222", 2), CancellationToken.None);

        var open = Assert.Single(_fake.Requests, r => r.Path == "/users/@me/channels");
        Assert.Equal("222", JsonDocument.Parse(open.Body).RootElement.GetProperty("recipient_id").GetString());
        Assert.Equal(2, _fake.Requests.Count(r => r.Path == "/channels/333/messages"));
    }

    [Theory]
    [InlineData(403, 50007)]
    [InlineData(403, 50001)]
    [InlineData(403, 50013)]
    [InlineData(404, 10003)]
    public async Task Unreachable_targets_come_back_as_gone(int status, int code)
    {
        _fake.Respond(_ => new FakeResponse(status, $$"""{"code":{{code}},"message":"no"}"""));

        var result = await _platform.SendAlertAsync(Alert(code == 50007 ? "@222" : "111"), CancellationToken.None);

        Assert.IsType<DeliveryResult.TargetGone>(result);
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task Persistent_server_errors_come_back_as_retry_later()
    {
        _fake.Respond(_ => new FakeResponse(503, ""));

        var result = await _platform.SendAlertAsync(Alert("111"), CancellationToken.None);

        Assert.IsType<DeliveryResult.RetryLater>(result);
    }

    [Theory]
    [InlineData(false, 4)]
    [InlineData(true, null)]
    public async Task A_digest_of_a_channel_with_previews_off_suppresses_the_embeds_of_its_links(bool previews, int? flags)
    {
        var digest = new DigestText("Digest: 2 new articles\n• One https://example.com/1\n• Two https://example.com/2", previews, "https://example.com/1");
        var result = await _platform.SendDigestAsync(new ChatTarget("discord", "111"), digest, "5eed5eed5eed5eed", CancellationToken.None);

        Assert.IsType<DeliveryResult.Delivered>(result);
        var body = JsonDocument.Parse(Assert.Single(_fake.Requests).Body).RootElement;
        Assert.Equal(flags, body.TryGetProperty("flags", out var f) ? f.GetInt32() : null);
        Assert.True(body.GetProperty("enforce_nonce").GetBoolean());
    }

    [Fact]
    public async Task A_long_notice_is_split_into_escaped_messages_that_mention_nobody()
    {
        var text = "@everyone " + string.Join(' ', Enumerable.Repeat("*word*", 600));

        var result = await _platform.SendNoticeAsync(new ChatTarget("discord", "111"), text, CancellationToken.None);

        Assert.IsType<DeliveryResult.Delivered>(result);
        Assert.True(_fake.Requests.Count >= 2);
        foreach (var request in _fake.Requests)
        {
            var body = JsonDocument.Parse(request.Body).RootElement;
            Assert.True(body.GetProperty("content").GetString()!.Length <= 2000);
            Assert.Equal("""{"parse":[]}""", body.GetProperty("allowed_mentions").GetRawText());
            Assert.DoesNotContain("@everyone", body.GetProperty("content").GetString(), StringComparison.Ordinal);
        }
    }
}
