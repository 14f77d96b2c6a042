using System.Text.Json.Nodes;
using AlertBot.Core;
using AlertBot.Core.Delivery;

namespace AlertBot.IntegrationTests.Telegram;

/// <summary>
/// The channel's <c>previews</c> setting on Telegram digests, under the operator's <c>Telegram:LinkPreviews</c>: the first
/// story's link is previewed only when both allow it, and only in the digest's first message.
/// </summary>
public sealed class TelegramDigestPreviewTests : IAsyncLifetime
{
    private const string FirstLink = "https://example.com/first?id=1&src=rss";

    private FakeBotApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeBotApi.StartAsync(TelegramTestHost.Token);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private async Task<IReadOnlyList<JsonObject>> SendDigestAsync(bool operatorPreviews, DigestText digest)
    {
        await using var host = await TelegramTestHost.StartAsync(_api.BaseUrl, new RecordingCommandHandler(), new InMemoryStateStore(), start: false,
            extraConfiguration: new Dictionary<string, string?> { ["Telegram:LinkPreviews"] = operatorPreviews ? "true" : "false" });
        var result = await host.Platform.SendDigestAsync(new ChatTarget("telegram", "-100500"), digest, "5eed5eed5eed5eed", CancellationToken.None);
        Assert.IsType<DeliveryResult.Delivered>(result);
        return _api.CallsTo("sendMessage").Select(c => c.Body).ToList();
    }

    private static DigestText Digest(bool channelPreviews, int stories = 2) => new(
        "Digest: 2 new articles\n\nTopic (2)" + string.Concat(Enumerable.Range(1, stories).Select(i =>
            $"\n• Story {i} (example.com)\n  {new string('x', 300)}\n  {(i == 1 ? FirstLink : $"https://example.com/{i}")}")),
        channelPreviews, FirstLink);

    private static JsonNode? Preview(JsonObject body) => body["link_preview_options"];

    [Fact]
    public async Task With_previews_on_in_the_channel_and_allowed_by_the_operator_the_digest_previews_its_first_storys_link()
    {
        var sent = Assert.Single(await SendDigestAsync(operatorPreviews: true, Digest(channelPreviews: true)));

        var preview = Preview(sent)!;
        Assert.Equal(FirstLink, preview["url"]!.GetValue<string>());
        Assert.False(preview["is_disabled"]?.GetValue<bool>() ?? false);
        Assert.True(preview["prefer_small_media"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public async Task A_digest_previews_nothing_when_the_channel_or_the_operator_turned_previews_off(bool operatorPreviews, bool channelPreviews)
    {
        var sent = Assert.Single(await SendDigestAsync(operatorPreviews, Digest(channelPreviews)));

        Assert.True(Preview(sent)!["is_disabled"]!.GetValue<bool>());
        Assert.Null(Preview(sent)!["url"]);
    }

    [Fact]
    public async Task A_digest_split_into_several_messages_previews_in_its_first_message_only()
    {
        var sent = await SendDigestAsync(operatorPreviews: true, Digest(channelPreviews: true, stories: 30));

        Assert.True(sent.Count > 1);
        Assert.Equal(FirstLink, Preview(sent[0])!["url"]!.GetValue<string>());
        Assert.All(sent.Skip(1), body => Assert.True(Preview(body)!["is_disabled"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task A_first_link_that_is_not_http_is_never_previewed()
    {
        var sent = Assert.Single(await SendDigestAsync(operatorPreviews: true, Digest(channelPreviews: true) with { PreviewLink = "javascript:alert(1)" }));

        Assert.True(Preview(sent)!["is_disabled"]!.GetValue<bool>());
    }
}
