using AlertBot.Core.Channels;
using AlertBot.Core.Delivery;
using AlertBot.Core.Storage;
using AlertBot.Tests.Support;
using NodaTime;

namespace AlertBot.Tests.Channels;

public sealed class HeldDeliveryTests
{
    private static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, TimeSpan.Zero);

    private static int Occurrences(IEnumerable<string> texts, string title) =>
        texts.Sum(t => t.Split('\n').Count(line => line == "• " + title + " (example.com)"));

    /// <summary>Every 30 minutes until <paramref name="until"/> an alert arrives and the outbox is drained: when digests went out.</summary>
    private static async Task<IReadOnlyList<DateTimeOffset>> DigestTimesAsync(ChannelRig rig, DateTimeOffset until)
    {
        var dispatcher = rig.Dispatcher();
        var sentAt = new List<DateTimeOffset>();
        while (rig.Clock.GetUtcNow() < until)
        {
            await rig.AlertAsync(1);
            var notices = rig.Platform.Notices.Count;
            await dispatcher.DeliverDueAsync(default);
            if (rig.Platform.Notices.Count > notices) sentAt.Add(rig.Clock.GetUtcNow());
            rig.Clock.Advance(TimeSpan.FromMinutes(30));
        }
        return sentAt;
    }

    [Fact]
    public async Task A_cap_of_3_per_hour_delivers_3_of_10_alerts_at_once_and_the_other_7_as_one_digest_at_the_end_of_the_hour()
    {
        using var rig = await ChannelRig.CreateAsync(Utc(2, 9, 10));
        await rig.SetAsync(ChannelSettings.Default with { MaxPerHour = 3 });
        var dispatcher = rig.Dispatcher();
        var titles = await rig.AlertAsync(10);

        Assert.Equal(3, await dispatcher.DeliverDueAsync(default));
        rig.Clock.SetUtcNow(Utc(2, 9, 59));
        Assert.Equal(0, await dispatcher.DeliverDueAsync(default));
        Assert.Equal(7, await rig.Db.Held.CountWaitingAsync(ChannelRig.Chat));

        rig.Clock.SetUtcNow(Utc(2, 10, 0));
        Assert.Equal(7, await dispatcher.DeliverDueAsync(default));

        Assert.Equal(3, rig.Platform.Alerts.Count);
        var digest = Assert.Single(rig.Platform.Notices).Text;
        Assert.StartsWith("Digest: 7 new articles", digest, StringComparison.Ordinal);
        Assert.All(titles.Skip(3), t => Assert.Equal(1, Occurrences([digest], t)));
        Assert.Equal(10, await rig.CountAsync(OutboxStatus.Sent));
    }

    [Fact]
    public async Task A_digest_carries_its_channels_previews_setting_to_the_platform()
    {
        using var rig = await ChannelRig.CreateAsync(Utc(2, 9, 10));
        await rig.SetAsync(ChannelSettings.Default with { MaxPerHour = 1, Previews = false });
        var dispatcher = rig.Dispatcher();
        await rig.AlertAsync(3);

        await dispatcher.DeliverDueAsync(default);
        rig.Clock.SetUtcNow(Utc(2, 10, 0));
        await dispatcher.DeliverDueAsync(default);

        Assert.False(Assert.Single(rig.Platform.Alerts).ShowPreview);
        Assert.Equal([false], rig.Platform.DigestPreviews);
        // The link a platform would preview is the first story's the digest lists.
        var firstLink = Assert.Single(rig.Platform.Notices).Text.Split('\n').First(l => l.StartsWith("  https://", StringComparison.Ordinal)).Trim();
        Assert.Equal([firstLink], rig.Platform.DigestPreviewLinks);
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_quiet_hours_loses_nothing_and_every_held_alert_is_delivered_exactly_once()
    {
        using var rig = await ChannelRig.CreateAsync(Utc(2, 22, 30));
        await rig.SetAsync(ChannelSettings.Default with { TimeZone = "Europe/Berlin", Quiet = ChannelSettingsEditor.ParseQuiet("22:00-07:00") });
        var before = await rig.AlertAsync(3);
        Assert.Equal(0, await rig.Dispatcher().DeliverDueAsync(default));

        // The bot stops at 00:00 and comes back at 03:00 local; more alerts arrive meanwhile.
        rig.Clock.SetUtcNow(Utc(3, 2, 0));
        var restarted = rig.Dispatcher();
        var after = await rig.AlertAsync(2);
        Assert.Equal(0, await restarted.DeliverDueAsync(default));
        Assert.Equal(5, await rig.Db.Held.CountWaitingAsync(ChannelRig.Chat));

        rig.Clock.SetUtcNow(Utc(3, 6, 0)); // 07:00 in Berlin (CET)
        Assert.Equal(5, await restarted.DeliverDueAsync(default));
        Assert.Equal(0, await restarted.DeliverDueAsync(default));
        rig.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await rig.Dispatcher().DeliverDueAsync(default));

        Assert.Empty(rig.Platform.Alerts);
        var texts = rig.Platform.Notices.Select(n => n.Text).ToList();
        Assert.Single(texts);
        Assert.All(before.Concat(after), t => Assert.Equal(1, Occurrences(texts, t)));
        Assert.Equal(5, await rig.CountAsync(OutboxStatus.Sent));
    }

    [Fact]
    public async Task Digests_twice_a_day_in_Berlin_across_the_spring_forward_change_go_out_at_local_time_each_once()
    {
        using var rig = await ChannelRig.CreateAsync(Utc(28, 9, 0));
        await rig.SetAsync(ChannelSettings.Default with
        {
            Mode = DeliveryMode.Digest, TimeZone = "Europe/Berlin", DigestTimes = [new LocalTime(8, 0), new LocalTime(18, 0)],
        });
        // Every 30 minutes for two days: an alert arrives and the outbox is drained.
        var sentAt = await DigestTimesAsync(rig, until: Utc(30, 9, 0));

        // 18:00 CET is 17:00 UTC; after the change on 29 March 08:00 CEST is 06:00 UTC and 18:00 CEST 16:00 UTC.
        Assert.Equal([Utc(28, 17), Utc(29, 6), Utc(29, 16), Utc(30, 6)], sentAt);
        Assert.Empty(rig.Platform.Alerts);
        Assert.Equal(await rig.CountAsync(OutboxStatus.Sent), rig.Platform.Notices.Sum(n => n.Text.Split('\n').Count(l => l.StartsWith("• ", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task A_0230_digest_in_New_York_goes_out_once_a_day_and_once_on_the_spring_forward_day_that_skips_0230()
    {
        using var rig = await ChannelRig.CreateAsync(Utc(7, 0, 0));
        await rig.SetAsync(ChannelSettings.Default with
        {
            Mode = DeliveryMode.Digest, TimeZone = "America/New_York", DigestTimes = [new LocalTime(2, 30)],
        });
        var sentAt = await DigestTimesAsync(rig, until: Utc(9, 12, 0));

        // 02:30 EST is 07:30 UTC; on 8 March the clock jumps from 02:00 to 03:00, so the digest goes at 03:30 EDT (07:30 UTC)
        // and only then; from 9 March 02:30 EDT is 06:30 UTC.
        Assert.Equal([Utc(7, 7, 30), Utc(8, 7, 30), Utc(9, 6, 30)], sentAt);
        Assert.Empty(rig.Platform.Alerts);
        // Each digest counts the day's alerts in its first line (it lists at most 40 of them).
        var counted = rig.Platform.Notices.Sum(n => int.Parse(n.Text.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(await rig.CountAsync(OutboxStatus.Sent), counted);
    }

    [Fact]
    public async Task A_subscription_made_with_digest_waits_for_the_digest_time_while_the_channels_other_subscriptions_alert_at_once()
    {
        using var rig = await ChannelRig.CreateAsync(Utc(2, 9, 0));
        var digestOnly = await rig.Db.Subscriptions.AddAsync(ChannelRig.Chat, false, "mod", "t", "troops");
        await rig.Db.Subscriptions.SetDigestAsync(digestOnly, true);
        var dispatcher = rig.Dispatcher();
        var instant = await rig.AlertAsync(2);
        var digested = await rig.AlertAsync(3, subscriptionId: digestOnly);

        Assert.Equal(2, await dispatcher.DeliverDueAsync(default));
        rig.Clock.SetUtcNow(Utc(2, 17, 59));
        Assert.Equal(0, await dispatcher.DeliverDueAsync(default));
        rig.Clock.SetUtcNow(Utc(2, 18, 0));
        Assert.Equal(3, await dispatcher.DeliverDueAsync(default));

        Assert.Equal(instant, rig.Platform.Alerts.Select(a => a.Title));
        var digest = Assert.Single(rig.Platform.Notices).Text;
        Assert.StartsWith("Digest: 3 new articles", digest, StringComparison.Ordinal);
        Assert.All(digested, t => Assert.Equal(1, Occurrences([digest], t)));
    }

    [Fact]
    public async Task Digest_times_that_passed_while_the_bot_was_down_go_out_once_at_start()
    {
        using var rig = await ChannelRig.CreateAsync(Utc(2, 7, 0));
        await rig.SetAsync(ChannelSettings.Default with { Mode = DeliveryMode.Digest });
        await rig.AlertAsync(2);
        Assert.Equal(0, await rig.Dispatcher().DeliverDueAsync(default));
        // One more alert was already held for the evening digest.
        await rig.AlertAsync(1);
        var evening = (await rig.Db.Outbox.DueAsync(rig.Clock.GetUtcNow(), 10)).Single();
        await rig.Db.Held.HoldAsync([evening.Id], HeldBatch.Until(Utc(2, 18)), Utc(2, 18));

        // Down from 07:30 until the next morning: the 08:00, 18:00 and next 08:00 digests all passed.
        rig.Clock.SetUtcNow(Utc(3, 9, 0));
        var atStart = rig.Dispatcher();
        Assert.Equal(3, await atStart.DeliverDueAsync(default));
        Assert.Equal(0, await atStart.DeliverDueAsync(default));

        var digest = Assert.Single(rig.Platform.Notices).Text;
        Assert.StartsWith("Digest: 3 new articles", digest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paused_channel_keeps_its_alerts_and_on_resume_gets_them_as_one_digest()
    {
        using var rig = await ChannelRig.CreateAsync(Utc(2, 9, 0));
        await rig.SetAsync(ChannelSettings.Default with { Paused = true });
        var dispatcher = rig.Dispatcher();
        await rig.AlertAsync(4);
        Assert.Equal(0, await dispatcher.DeliverDueAsync(default));
        rig.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await dispatcher.DeliverDueAsync(default));

        await rig.SetAsync(ChannelSettings.Default);
        Assert.Equal(4, await rig.Db.Held.ReleaseAllAsync(ChannelRig.Chat, rig.Clock.GetUtcNow()));
        Assert.Equal(4, await dispatcher.DeliverDueAsync(default));

        Assert.Empty(rig.Platform.Alerts);
        Assert.StartsWith("Digest: 4 new articles", Assert.Single(rig.Platform.Notices).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_held_for_a_digest_wait_longer_when_the_channel_is_paused_before_it_is_due()
    {
        using var rig = await ChannelRig.CreateAsync(Utc(2, 9, 0));
        await rig.SetAsync(ChannelSettings.Default with { Mode = DeliveryMode.Digest });
        var dispatcher = rig.Dispatcher();
        await rig.AlertAsync(2);
        await dispatcher.DeliverDueAsync(default);
        await rig.SetAsync(ChannelSettings.Default with { Mode = DeliveryMode.Digest, Paused = true });

        rig.Clock.SetUtcNow(Utc(2, 18, 0));
        Assert.Equal(0, await dispatcher.DeliverDueAsync(default));
        rig.Clock.SetUtcNow(Utc(4, 18, 0));
        Assert.Equal(0, await dispatcher.DeliverDueAsync(default));

        Assert.Empty(rig.Platform.Notices);
        Assert.Equal(2, await rig.Db.Held.CountWaitingAsync(ChannelRig.Chat));
    }

    [Fact]
    public async Task A_digest_that_failed_after_reaching_the_platform_is_resent_with_the_same_idempotency_key()
    {
        using var rig = await ChannelRig.CreateAsync(Utc(2, 9, 0));
        await rig.SetAsync(ChannelSettings.Default with { Mode = DeliveryMode.Digest });
        var dispatcher = rig.Dispatcher();
        await rig.AlertAsync(3);
        await dispatcher.DeliverDueAsync(default);
        rig.Clock.SetUtcNow(Utc(2, 18, 0));
        rig.Platform.NoticeScript.Enqueue(new DeliveryResult.RetryLater("connection reset", TimeSpan.FromSeconds(10)));

        Assert.Equal(0, await dispatcher.DeliverDueAsync(default));
        rig.Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(3, await rig.Dispatcher().DeliverDueAsync(default));

        var keys = rig.Platform.DigestKeys.ToList();
        Assert.Equal(2, keys.Count);
        Assert.Equal(keys[0], keys[1]);
        Assert.Equal(3, await rig.CountAsync(OutboxStatus.Sent));
    }

    [Fact]
    public async Task A_burst_from_one_check_during_quiet_hours_is_held_with_the_rest()
    {
        using var rig = await ChannelRig.CreateAsync(Utc(2, 23, 0));
        await rig.SetAsync(ChannelSettings.Default with { Quiet = ChannelSettingsEditor.ParseQuiet("22:00-07:00") });
        var dispatcher = rig.Dispatcher();
        await rig.AlertAsync(8, batch: "check-1");
        await rig.AlertAsync(1);

        Assert.Equal(0, await dispatcher.DeliverDueAsync(default));
        rig.Clock.SetUtcNow(Utc(3, 7, 0));
        Assert.Equal(9, await dispatcher.DeliverDueAsync(default));

        Assert.StartsWith("Digest: 9 new articles", Assert.Single(rig.Platform.Notices).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_length_and_figures_off_shape_each_alert()
    {
        using var rig = await ChannelRig.CreateAsync(Utc(2, 9, 0));
        await rig.SetAsync(ChannelSettings.Default with { SummaryLength = 80, Figures = false, Previews = false });
        var id = await rig.Db.Articles.InsertAsync(new ArticleRecord
        {
            TopicId = "t", Identity = "long", Title = "Long", FetchedAt = rig.Clock.GetUtcNow(), Text = "x",
            Summary = "North Korean troops arrived in Kursk on Monday, officials said. A second group followed later in the week.",
        });
        await rig.Db.Outbox.EnqueueAsync([new OutboxEntry(ChannelRig.Chat, id!.Value, rig.SubscriptionId)], rig.Clock.GetUtcNow());

        await rig.Dispatcher().DeliverDueAsync(default);

        var alert = Assert.Single(rig.Platform.Alerts);
        Assert.Equal("North Korean troops arrived in Kursk on Monday, officials said.", alert.Summary);
        Assert.Empty(alert.Figures);
        Assert.False(alert.ShowPreview);
    }
}
