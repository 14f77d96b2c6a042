using AlertBot.Core;
using AlertBot.Core.Delivery;
using AlertBot.Discord;
using AlertBot.Discord.Alerts;
using AlertBot.Discord.Rest;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlertBot.IntegrationTests.Discord;

/// <summary>
/// A message sent again (after a crash, or after its answer was lost) carries the nonce of its outbox rows with
/// enforce_nonce, and the fake, like Discord, answers with the original message instead of posting a second one.
/// </summary>
public sealed class DiscordNonceTests : IAsyncLifetime
{
    private FakeDiscord _fake = null!;
    private DiscordPlatform _platform = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscord.StartAsync();
        _platform = NewPlatform();
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    /// <summary>A fresh client and platform: what a restarted bot has.</summary>
    private DiscordPlatform NewPlatform() =>
        new(new DiscordRestClient(new HttpClient(), new DiscordOptions { Token = "t", ApiBaseUrl = _fake.ApiBase }, TimeProvider.System, NullLogger<DiscordRestClient>.Instance),
            NullLogger<DiscordPlatform>.Instance);

    private static AlertMessage Alert(long outboxId) => new()
    {
        OutboxId = outboxId,
        Target = new ChatTarget("discord", "111"),
        SubscriptionId = 7,
        TopicId = "nk-russia",
        TopicName = "North Korean troops in Russia",
        Title = $"Story {outboxId}",
        Summary = "Troops moved.",
    };

    [Fact]
    public async Task An_alert_sent_again_by_a_restarted_bot_returns_the_original_message_and_posts_nothing_new()
    {
        Assert.IsType<DeliveryResult.Delivered>(await _platform.SendAlertAsync(Alert(42), CancellationToken.None));
        Assert.IsType<DeliveryResult.Delivered>(await NewPlatform().SendAlertAsync(Alert(42), CancellationToken.None));

        Assert.Equal(2, _fake.Requests.Count);
        var message = Assert.Single(_fake.Messages);
        Assert.Equal("ab42", message.Nonce);
    }

    [Fact]
    public async Task Another_outbox_row_is_another_message()
    {
        await _platform.SendAlertAsync(Alert(42), CancellationToken.None);
        await _platform.SendAlertAsync(Alert(43), CancellationToken.None);

        Assert.Equal(["ab42", "ab43"], _fake.Messages.Select(m => m.Nonce));
    }

    [Fact]
    public async Task A_message_whose_answer_was_lost_is_retried_with_its_nonce_and_appears_once()
    {
        var lost = 0;
        // The message is created, then the connection fails before the answer arrives (a 500 from the fake).
        _fake.OnMessagePost = _ =>
        {
            if (Interlocked.Increment(ref lost) == 1) throw new IOException("answer lost");
        };

        Assert.IsType<DeliveryResult.Delivered>(await _platform.SendAlertAsync(Alert(42), CancellationToken.None));

        Assert.Equal(2, _fake.Requests.Count);
        Assert.Single(_fake.Messages);
    }

    [Fact]
    public async Task A_digest_sent_again_with_the_same_rows_is_deduplicated_chunk_by_chunk()
    {
        var target = new ChatTarget("discord", "111");
        var text = string.Join('\n', Enumerable.Range(1, 300).Select(n => $"{n}. Story number {n} about troops"));

        await _platform.SendOnceAsync(target, text, idempotencyKey: "5eed5eed5eed5eed", CancellationToken.None);
        var chunks = _fake.Messages.Count;
        await NewPlatform().SendOnceAsync(target, text, idempotencyKey: "5eed5eed5eed5eed", CancellationToken.None);
        await _platform.SendOnceAsync(target, "1. Another story", idempotencyKey: "beefbeefbeefbeef", CancellationToken.None);

        Assert.True(chunks > 1);
        Assert.Equal(chunks + 1, _fake.Messages.Count);
        Assert.Equal(_fake.Messages.Count, _fake.Messages.Select(m => m.Nonce).Distinct().Count());
        Assert.All(_fake.Messages, m => Assert.True(m.Nonce!.Length <= MessagePayloads.NonceMax));
    }

    [Fact]
    public async Task A_plain_notice_carries_no_nonce()
    {
        await _platform.SendNoticeAsync(new ChatTarget("discord", "111"), "Source failing", CancellationToken.None);

        Assert.Null(Assert.Single(_fake.Messages).Nonce);
    }
}
