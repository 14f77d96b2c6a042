using AlertBot.Core.Channels;
using AlertBot.Core.Delivery;
using AlertBot.Core.Storage;
using AlertBot.Tests.Support;

namespace AlertBot.Tests.Channels;

/// <summary>
/// Two processes on one database and one chat: one process at a time sends to a chat, so the chat's hourly cap holds
/// across them; and a resume never rewrites a row a process is sending.
/// </summary>
public sealed class SharedChatTests
{
    private static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, TimeSpan.Zero);

    private static async Task<IReadOnlyList<OutboxRecord>> ClaimByAnotherProcessAsync(ChannelRig rig, int count)
    {
        var now = rig.Clock.GetUtcNow();
        var theirs = await rig.Db.Outbox.ClaimDueAsync("other-process", [RecordingPlatform.PlatformName], now, now.AddSeconds(60), count);
        Assert.Equal(count, theirs.Count);
        return theirs;
    }

    [Fact]
    public async Task A_cap_of_3_per_hour_holds_while_another_process_sends_to_the_chat_3_alerts_and_one_digest_of_7()
    {
        using var rig = await ChannelRig.CreateAsync(Utc(2, 9, 10));
        await rig.SetAsync(ChannelSettings.Default with { MaxPerHour = 3 });
        var titles = await rig.AlertAsync(10);
        // Another process claimed three of the alerts and is sending them.
        var theirs = await ClaimByAnotherProcessAsync(rig, 3);
        var dispatcher = rig.Dispatcher();

        Assert.Equal(0, await dispatcher.DeliverDueAsync(default));
        foreach (var row in theirs) await rig.Db.Outbox.MarkSentAsync(row.Id, rig.Clock.GetUtcNow());
        Assert.Equal(0, await dispatcher.DeliverDueAsync(default));
        Assert.Equal(7, await rig.Db.Held.CountWaitingAsync(ChannelRig.Chat));
        rig.Clock.SetUtcNow(Utc(2, 10, 0));
        Assert.Equal(7, await dispatcher.DeliverDueAsync(default));

        Assert.Empty(rig.Platform.Alerts);
        var digest = Assert.Single(rig.Platform.Notices).Text;
        Assert.StartsWith("Digest: 7 new articles", digest, StringComparison.Ordinal);
        Assert.Equal(10, await rig.CountAsync(OutboxStatus.Sent));
    }

    [Fact]
    public async Task Two_dispatchers_racing_on_one_chat_with_a_cap_of_3_send_3_alerts_and_fold_the_other_7_into_one_digest()
    {
        using var rig = await ChannelRig.CreateAsync(Utc(2, 9, 10));
        await rig.SetAsync(ChannelSettings.Default with { MaxPerHour = 3 });
        await rig.AlertAsync(10);
        // Small claim rounds, so both dispatchers come back for more of the chat's rows while the other is sending.
        var options = new DeliveryOptions { ClaimBatch = 2 };
        Task<int> Race() => Task.WhenAll(
            Task.Run(() => Dispatchers.Create(rig.Db, rig.Matcher, [rig.Platform], options).DeliverDueAsync(default)),
            Task.Run(() => Dispatchers.Create(rig.Db, rig.Matcher, [rig.Platform], options).DeliverDueAsync(default))).ContinueWith(t => t.Result.Sum(), TaskScheduler.Default);

        Assert.Equal(3, await Race());
        rig.Clock.SetUtcNow(Utc(2, 10, 0));
        Assert.Equal(7, await Race());

        Assert.Equal(3, rig.Platform.Alerts.Count);
        Assert.StartsWith("Digest: 7 new articles", Assert.Single(rig.Platform.Notices).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_digest_leaves_a_row_another_process_is_sending_as_it_is_and_the_cap_still_counts_it()
    {
        using var rig = await ChannelRig.CreateAsync(Utc(2, 9, 0));
        await rig.SetAsync(ChannelSettings.Default with { Paused = true });
        var waited = await rig.AlertAsync(3);
        Assert.Equal(0, await rig.Dispatcher().DeliverDueAsync(default));
        // Resumed without taking what waited; a new alert arrives and another process is sending it.
        await rig.SetAsync(ChannelSettings.Default);
        var fresh = Assert.Single(await rig.AlertAsync(1));
        var sending = Assert.Single(await ClaimByAnotherProcessAsync(rig, 1));

        // The moderator now asks for what waited.
        Assert.Equal(3, await rig.Db.Held.ReleaseAllAsync(ChannelRig.Chat, rig.Clock.GetUtcNow()));

        var untouched = (await rig.Db.Outbox.DueAsync(rig.Clock.GetUtcNow(), 10)).Single(r => r.Id == sending.Id);
        Assert.Null(untouched.Batch);
        Assert.Equal(sending.NextAttemptAt, untouched.NextAttemptAt);
        await rig.Db.Outbox.MarkSentAsync(sending.Id, rig.Clock.GetUtcNow(), "m-other");
        Assert.Equal(3, await rig.Dispatcher().DeliverDueAsync(default));

        var digest = Assert.Single(rig.Platform.Notices).Text;
        Assert.StartsWith("Digest: 3 new articles", digest, StringComparison.Ordinal);
        Assert.All(waited, t => Assert.Contains("• " + t + " (example.com)", digest, StringComparison.Ordinal));
        Assert.DoesNotContain("• " + fresh + " (example.com)", digest, StringComparison.Ordinal);
        // The alert went out on its own, so it counts toward the hourly cap; the digest does not.
        Assert.Single(await rig.Db.Held.SendsSinceAsync(ChannelRig.Chat, Utc(2, 9, 0)));
    }
}
