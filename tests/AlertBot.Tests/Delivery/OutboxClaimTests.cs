using AlertBot.Core;
using AlertBot.Core.Delivery;
using AlertBot.Core.Storage;
using AlertBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AlertBot.Tests.Delivery;

/// <summary>Outbox rows are claimed with a lease before they are sent, so two processes never send one row.</summary>
public sealed class OutboxClaimTests
{
    private static readonly ChatTarget s_chat = new("test", "chat-1");
    private static readonly DateTimeOffset s_t0 = new(2026, 2, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A rig with <paramref name="rows"/> separate alerts pending (checks of at most the burst cap each, so no digest).</summary>
    private static async Task<PipelineRig> ArrangeAsync(int rows)
    {
        var rig = await PipelineRig.CreateAsync();
        await rig.SubscribeAsync("troops", s_chat);
        var items = new List<RssItem>();
        for (var n = 1; n <= rows; n++)
        {
            items.Add(new RssItem($"g{n}", $"Story {n}", "North Korean troops moved.", s_t0.AddMinutes(n), $"https://www.example.com/s/{n}"));
            // A source's first check alerts only its newest item, so the first check sees one item alone.
            if (n % 4 == 1 || n == rows)
            {
                rig.WriteFeed([.. items]);
                await rig.CheckAsync();
            }
        }
        Assert.Equal(rows, (await rig.Db.Outbox.CountByStatusAsync())[OutboxStatus.Pending]);
        return rig;
    }

    [Fact]
    public async Task Two_dispatchers_racing_on_one_database_send_every_row_exactly_once()
    {
        using var rig = await ArrangeAsync(40);
        var first = new SlowPlatform();
        var second = new SlowPlatform();
        var options = new DeliveryOptions { ClaimBatch = 3, BurstCap = 100 };

        var counts = await Task.WhenAll(
            Task.Run(() => OutboxDispatcherTests.Dispatcher(rig, first, options).DeliverDueAsync(default)),
            Task.Run(() => OutboxDispatcherTests.Dispatcher(rig, second, options).DeliverDueAsync(default)));

        var sent = first.Alerts.Concat(second.Alerts).Select(a => a.OutboxId).ToList();
        Assert.Equal(40, sent.Count);
        Assert.Equal(40, sent.Distinct().Count());
        Assert.Equal(40, counts.Sum());
        Assert.Equal(40, (await rig.Db.Outbox.CountByStatusAsync())[OutboxStatus.Sent]);
    }

    [Fact]
    public async Task One_call_delivers_every_due_row_however_many_claim_rounds_it_takes()
    {
        using var rig = await ArrangeAsync(10);
        var platform = new RecordingPlatform();

        var delivered = await OutboxDispatcherTests.Dispatcher(rig, platform, new DeliveryOptions { ClaimBatch = 3, BurstCap = 100 }).DeliverAllDueAsync(default);

        Assert.Equal(10, delivered[RecordingPlatform.PlatformName]);
        Assert.Equal(10, platform.Alerts.Count);
        Assert.False((await rig.Db.Outbox.CountByStatusAsync()).ContainsKey(OutboxStatus.Pending));
    }

    [Fact]
    public async Task Rows_held_by_a_process_that_died_are_sent_once_its_lease_has_expired()
    {
        using var rig = await ArrangeAsync(2);
        var time = (FakeTimeProvider)rig.Db.Time;
        var now = time.GetUtcNow();
        Assert.Equal(2, (await rig.Db.Outbox.ClaimDueAsync("dead-process", ["test"], now, now.AddSeconds(60), 10)).Count);
        var platform = new RecordingPlatform();
        var dispatcher = OutboxDispatcherTests.Dispatcher(rig, platform, new DeliveryOptions { ClaimLeaseSeconds = 60 });

        Assert.Equal(0, await dispatcher.DeliverDueAsync(default));
        time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(2, await dispatcher.DeliverDueAsync(default));
        Assert.Equal(2, platform.Alerts.Count);
    }

    [Fact]
    public async Task A_claim_taken_over_after_its_lease_ran_out_cannot_be_renewed_by_its_old_owner()
    {
        using var rig = await ArrangeAsync(1);
        var outbox = rig.Db.Outbox;
        var now = rig.Db.Time.GetUtcNow();
        var row = Assert.Single(await outbox.ClaimDueAsync("slow", ["test"], now, now.AddSeconds(10), 10));

        Assert.Empty(await outbox.ClaimDueAsync("other", ["test"], now.AddSeconds(5), now.AddSeconds(15), 10));
        Assert.Single(await outbox.ClaimDueAsync("other", ["test"], now.AddSeconds(11), now.AddSeconds(21), 10));

        Assert.False(await outbox.RenewClaimAsync("slow", [row.Id], now.AddSeconds(30)));
        Assert.True(await outbox.RenewClaimAsync("other", [row.Id], now.AddSeconds(30)));
    }

    [Fact]
    public async Task Only_the_platforms_running_in_this_process_are_claimed()
    {
        using var rig = await ArrangeAsync(1);
        var now = rig.Db.Time.GetUtcNow();

        Assert.Empty(await rig.Db.Outbox.ClaimDueAsync("me", ["discord", "telegram"], now, now.AddSeconds(60), 10));
        Assert.Single(await rig.Db.Outbox.ClaimDueAsync("me", ["test"], now, now.AddSeconds(60), 10));
    }

    [Fact]
    public async Task A_digest_re_sent_with_the_same_rows_keeps_its_key_and_other_rows_get_another()
    {
        using var rig = await ArrangeAsync(3);
        var rows = await rig.Db.Outbox.DueAsync(rig.Db.Time.GetUtcNow(), 10);

        Assert.Equal(OutboxDispatcher.IdempotencyKey(rows), OutboxDispatcher.IdempotencyKey(rows.Reverse()));
        Assert.NotEqual(OutboxDispatcher.IdempotencyKey(rows), OutboxDispatcher.IdempotencyKey(rows.Take(2)));
        Assert.Matches("^[0-9a-f]{16}$", OutboxDispatcher.IdempotencyKey(rows));
    }

    /// <summary>Yields on every send, so two dispatchers on two threads interleave their sends and database calls.</summary>
    private sealed class SlowPlatform : IChatPlatform
    {
        private readonly RecordingPlatform _inner = new();

        public IEnumerable<AlertMessage> Alerts => _inner.Alerts;

        public string Name => _inner.Name;

        public async Task<DeliveryResult> SendAlertAsync(AlertMessage alert, CancellationToken cancellationToken)
        {
            await Task.Delay(2, cancellationToken);
            return await _inner.SendAlertAsync(alert, cancellationToken);
        }

        public Task<DeliveryResult> SendNoticeAsync(ChatTarget target, string text, CancellationToken cancellationToken) =>
            _inner.SendNoticeAsync(target, text, cancellationToken);
    }
}
