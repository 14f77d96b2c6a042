using AlertBot.Core.Channels;
using AlertBot.Core.Delivery;
using AlertBot.Core.Storage;
using AlertBot.Tests.Support;

namespace AlertBot.Tests.Channels;

/// <summary>The rows a digest carries are claimed before it is sent, so two processes never send the same rows in a digest.</summary>
public sealed class HeldDigestClaimTests
{
    private static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>How often each title was listed, over every digest sent.</summary>
    private static Dictionary<string, int> Listed(ChannelRig rig, IEnumerable<string> titles) =>
        titles.ToDictionary(t => t, t => rig.Platform.Notices.Sum(n => n.Text.Split('\n').Count(line => line == "• " + t + " (example.com)")));

    /// <summary>A digest channel with <paramref name="count"/> alerts held for its 18:00 digest, and the clock at 18:00.</summary>
    private static async Task<(ChannelRig Rig, IReadOnlyList<string> Titles)> HeldUntilDigestTimeAsync(int count)
    {
        var rig = await ChannelRig.CreateAsync(Utc(2, 9, 0));
        await rig.SetAsync(ChannelSettings.Default with { Mode = DeliveryMode.Digest });
        var titles = await rig.AlertAsync(count);
        Assert.Equal(0, await rig.Dispatcher().DeliverDueAsync(default));
        rig.Clock.SetUtcNow(Utc(2, 18, 0));
        return (rig, titles);
    }

    [Fact]
    public async Task A_held_digest_waits_while_another_process_holds_rows_of_its_chat_and_lists_every_row_once_its_lease_ran_out()
    {
        var (rig, titles) = await HeldUntilDigestTimeAsync(10);
        using var _ = rig;
        var now = rig.Clock.GetUtcNow();
        // Another process claimed two of the due rows and died before sending them: the chat is its until the lease runs out.
        var theirs = await rig.Db.Outbox.ClaimDueAsync("other-process", [RecordingPlatform.PlatformName], now, now.AddSeconds(60), 2);
        Assert.Equal(2, theirs.Count);

        Assert.Equal(0, await rig.Dispatcher().DeliverDueAsync(default));
        Assert.Equal(10, await rig.Db.Held.CountWaitingAsync(ChannelRig.Chat));
        rig.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(10, await rig.Dispatcher().DeliverDueAsync(default));

        Assert.Single(rig.Platform.Notices);
        Assert.All(Listed(rig, titles), pair => Assert.Equal(1, pair.Value));
        Assert.Equal(10, await rig.CountAsync(OutboxStatus.Sent));
    }

    [Fact]
    public async Task A_held_digest_leaves_out_the_rows_another_process_holds_through_the_gate()
    {
        var (rig, titles) = await HeldUntilDigestTimeAsync(10);
        using var _ = rig;
        var now = rig.Clock.GetUtcNow();
        // This process claimed two due rows; then (its lease on the others being free) another gathered three for its own digest.
        var mine = await rig.Db.Outbox.ClaimDueAsync("this-process", [RecordingPlatform.PlatformName], now, now.AddSeconds(60), 2);
        var theirs = (await rig.Db.Held.ClaimDueHeldAsync("other-process", ChannelRig.Chat, now, now.AddSeconds(60))).Take(3).ToList();
        await rig.Db.Outbox.ReleaseClaimAsync("other-process", (await rig.Db.Outbox.DueAsync(now, 20)).Select(r => r.Id).Except(theirs.Select(r => r.Id)).ToList());

        var gathered = await rig.Db.Held.ClaimDueHeldAsync("this-process", ChannelRig.Chat, now, now.AddSeconds(60));

        Assert.Equal(7, gathered.Count);
        Assert.Empty(gathered.Select(r => r.Id).Intersect(theirs.Select(r => r.Id)));
        Assert.Subset(gathered.Select(r => r.Id).ToHashSet(), mine.Select(r => r.Id).ToHashSet());
    }

    [Fact]
    public async Task Two_dispatchers_racing_on_a_due_digest_list_every_held_alert_exactly_once()
    {
        var (rig, titles) = await HeldUntilDigestTimeAsync(30);
        using var _ = rig;
        // Small claim rounds, so both dispatchers hold some of the digest's rows when their gates gather it.
        var options = new DeliveryOptions { ClaimBatch = 2 };

        var counts = await Task.WhenAll(
            Task.Run(() => Dispatchers.Create(rig.Db, rig.Matcher, [rig.Platform], options).DeliverDueAsync(default)),
            Task.Run(() => Dispatchers.Create(rig.Db, rig.Matcher, [rig.Platform], options).DeliverDueAsync(default)));

        Assert.Equal(30, counts.Sum());
        Assert.All(Listed(rig, titles), pair => Assert.Equal(1, pair.Value));
        Assert.Equal(30, await rig.CountAsync(OutboxStatus.Sent));
    }

    [Fact]
    public async Task A_burst_digest_waits_while_another_process_holds_rows_of_it_and_lists_every_row_once()
    {
        using var rig = await ChannelRig.CreateAsync(Utc(2, 9, 0));
        var titles = await rig.AlertAsync(8, batch: "source-1-check");
        var now = rig.Clock.GetUtcNow();
        var theirs = await rig.Db.Outbox.ClaimDueAsync("other-process", [RecordingPlatform.PlatformName], now, now.AddSeconds(60), 3);
        Assert.Equal(3, theirs.Count);

        Assert.Equal(0, await rig.Dispatcher().DeliverDueAsync(default));
        rig.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(8, await rig.Dispatcher().DeliverDueAsync(default));

        Assert.Single(rig.Platform.Notices);
        Assert.All(Listed(rig, titles), pair => Assert.Equal(1, pair.Value));
    }

    [Fact]
    public async Task A_burst_digest_leaves_out_the_rows_another_process_holds_through_the_gate()
    {
        using var rig = await ChannelRig.CreateAsync(Utc(2, 9, 0));
        await rig.AlertAsync(8, batch: "source-1-check");
        var now = rig.Clock.GetUtcNow();
        var theirs = await rig.Db.Outbox.ClaimBatchAsync("other-process", "source-1-check", ChannelRig.Chat, now, now.AddSeconds(60));
        await rig.Db.Outbox.ReleaseClaimAsync("other-process", theirs.Skip(3).Select(r => r.Id).ToList());

        var gathered = await rig.Db.Outbox.ClaimBatchAsync("this-process", "source-1-check", ChannelRig.Chat, now, now.AddSeconds(60));

        Assert.Equal(5, gathered.Count);
        Assert.Empty(gathered.Select(r => r.Id).Intersect(theirs.Take(3).Select(r => r.Id)));
    }
}
