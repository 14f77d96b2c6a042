using AlertBot.Core;
using AlertBot.Core.Delivery;
using AlertBot.Core.Storage;
using AlertBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AlertBot.Tests.Delivery;

public sealed class OutboxDispatcherTests
{
    private static readonly ChatTarget s_chat = new("test", "chat-1");

    private static async Task<(PipelineRig Rig, OutboxDispatcher Dispatcher, RecordingPlatform Platform, long SubscriptionId)> ArrangeAsync(int maxAttempts = 12)
    {
        var rig = await PipelineRig.CreateAsync();
        var sub = await rig.SubscribeAsync("troops", s_chat);
        rig.WriteFeed(new RssItem("g1", "Troops arrive", "North Korean troops arrived in Kursk.", new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), "https://www.example.com/a"));
        await rig.CheckAsync();
        var platform = new RecordingPlatform();
        return (rig, Dispatcher(rig, platform, new DeliveryOptions { MaxAttempts = maxAttempts }), platform, sub);
    }

    /// <summary>A dispatcher over the rig's database; each one is its own claim owner, like a separate process.</summary>
    internal static OutboxDispatcher Dispatcher(PipelineRig rig, IChatPlatform platform, DeliveryOptions? options = null, TimeProvider? time = null)
    {
        return Dispatchers.Create(rig.Db, rig.Matcher, [platform], options, time);
    }

    [Fact]
    public async Task A_delivered_alert_is_marked_sent_and_never_sent_again()
    {
        var (rig, dispatcher, platform, sub) = await ArrangeAsync();
        using var _ = rig;

        Assert.Equal(1, await dispatcher.DeliverDueAsync(default));
        Assert.Equal(0, await dispatcher.DeliverDueAsync(default));

        var alert = Assert.Single(platform.Alerts);
        Assert.Equal("Troops arrive", alert.Title);
        Assert.Equal("example.com", alert.Outlet);
        Assert.Equal(sub, alert.SubscriptionId);
        Assert.Equal(s_chat, alert.Target);
        Assert.Equal(1, (await rig.Db.Outbox.CountByStatusAsync())[OutboxStatus.Sent]);
    }

    [Fact]
    public async Task An_alert_the_platform_took_is_marked_sent_even_when_shutdown_comes_during_the_send()
    {
        using var rig = await ChannelRig.CreateAsync(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await rig.AlertAsync(1);
        using var stopping = new CancellationTokenSource();
        rig.Platform.Sending = _ => stopping.Cancel();

        try { await rig.Dispatcher().DeliverDueAsync(stopping.Token); }
        catch (OperationCanceledException) { }

        Assert.Equal(1, await rig.CountAsync(OutboxStatus.Sent));
        // After a restart, and long after any claim's lease, nothing goes out twice.
        rig.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await rig.Dispatcher().DeliverDueAsync(default));
        Assert.Single(rig.Platform.Alerts);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_after_the_wait_the_platform_asked_for()
    {
        var (rig, dispatcher, platform, _) = await ArrangeAsync();
        using var __ = rig;
        platform.Script.Enqueue(new DeliveryResult.RetryLater("429 Too Many Requests", TimeSpan.FromSeconds(30)));

        Assert.Equal(0, await dispatcher.DeliverDueAsync(default));
        Assert.Equal(0, await dispatcher.DeliverDueAsync(default));
        ((FakeTimeProvider)rig.Db.Time).Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await dispatcher.DeliverDueAsync(default));
        Assert.Equal(2, platform.Alerts.Count);
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_number_of_attempts()
    {
        var (rig, dispatcher, platform, _) = await ArrangeAsync(maxAttempts: 2);
        using var __ = rig;
        platform.Script.Enqueue(new DeliveryResult.RetryLater("502", TimeSpan.Zero));
        platform.Script.Enqueue(new DeliveryResult.RetryLater("502", TimeSpan.Zero));

        await dispatcher.DeliverDueAsync(default);
        await dispatcher.DeliverDueAsync(default);
        await dispatcher.DeliverDueAsync(default);

        Assert.Equal(2, platform.Alerts.Count);
        Assert.Equal(1, (await rig.Db.Outbox.CountByStatusAsync())[OutboxStatus.Failed]);
    }

    [Fact]
    public async Task A_gone_target_is_disabled_and_forgotten_by_the_matcher()
    {
        var (rig, dispatcher, platform, _) = await ArrangeAsync();
        using var __ = rig;
        platform.Script.Enqueue(new DeliveryResult.TargetGone("bot was blocked by the user"));

        await dispatcher.DeliverDueAsync(default);

        Assert.Empty(await rig.Db.Subscriptions.ListActiveAsync());
        Assert.Empty(rig.Matcher.Match("t", "troops"));
        Assert.Equal(1, (await rig.Db.Outbox.CountByStatusAsync())[OutboxStatus.Dropped]);
    }

    [Fact]
    public async Task A_moved_target_gets_the_alert_at_its_new_id()
    {
        var (rig, dispatcher, platform, _) = await ArrangeAsync();
        using var __ = rig;
        platform.Script.Enqueue(new DeliveryResult.TargetMoved("chat-2"));

        await dispatcher.DeliverDueAsync(default);
        await dispatcher.DeliverDueAsync(default);

        Assert.Equal(["chat-1", "chat-2"], platform.Alerts.Select(a => a.Target.ChatId));
        Assert.Single(await rig.Db.Subscriptions.ListForChatAsync(new ChatTarget("test", "chat-2")));
    }

    [Fact]
    public async Task Rows_for_a_platform_not_running_here_wait_for_it()
    {
        var (rig, _, _, _) = await ArrangeAsync();
        using var __ = rig;
        var db = rig.Db;
        var other = new RecordingPlatform("other");
        var dispatcher = Dispatcher(rig, other);

        Assert.Equal(0, await dispatcher.DeliverDueAsync(default));
        Assert.Single(await db.Outbox.DueAsync(db.Time.GetUtcNow(), 10));
    }

    /// <summary>Distinct events (one story each: a burst of copies of one story would be one alert).</summary>
    private static readonly (string Title, string Text)[] s_events =
    [
        ("Troops seal off Mosul", "Iraqi soldiers closed the roads around the old city before dawn."),
        ("Troops cross the Dnipro", "Ukrainian marines crossed the river near Kherson under fire."),
        ("Troops parade in Pyongyang", "Soldiers marched past Kim Jong Un at an anniversary parade."),
        ("Troops train near Vladivostok", "Pacific fleet infantry began winter exercises in Primorye."),
        ("Troops withdraw from Bakhmut", "Wagner fighters handed their positions to regular army units."),
        ("Troops guard Seoul embassy", "Extra police and soldiers were posted outside the embassy compound."),
        ("Troops rescue flood victims", "Rescuers in Sichuan pulled villagers from collapsed homes after rains."),
        ("Troops deployed to Haiti port", "A Kenyan-led mission secured the harbour of Port-au-Prince."),
    ];

    [Fact]
    public async Task A_burst_larger_than_the_cap_from_one_check_becomes_one_digest_message()
    {
        var (rig, dispatcher, platform, _) = await ArrangeAsync();
        using var __ = rig;
        await dispatcher.DeliverDueAsync(default);
        var t0 = new DateTimeOffset(2026, 2, 2, 0, 0, 0, TimeSpan.Zero);
        rig.WriteFeed(Enumerable.Range(1, 8)
            .Select(n => new RssItem($"burst-{n}", s_events[n - 1].Title, s_events[n - 1].Text, t0.AddMinutes(n), $"https://www.example.com/b/{n}"))
            .ToArray());

        Assert.Equal(8, (await rig.CheckAsync()).Alerts);
        Assert.Equal(8, await dispatcher.DeliverDueAsync(default));

        Assert.Single(platform.Alerts);
        var (target, text) = Assert.Single(platform.Notices);
        Assert.Equal(s_chat, target);
        Assert.StartsWith("Digest: 8 new articles\n\nTest topic (8)\n• " + s_events[7].Title, text, StringComparison.Ordinal);
        Assert.True(text.IndexOf(s_events[7].Title, StringComparison.Ordinal) < text.IndexOf(s_events[0].Title, StringComparison.Ordinal));
        Assert.Equal(9, (await rig.Db.Outbox.CountByStatusAsync())[OutboxStatus.Sent]);
        Assert.Equal(0, await dispatcher.DeliverDueAsync(default));
    }

    [Fact]
    public async Task A_burst_at_or_under_the_cap_is_sent_as_separate_alerts()
    {
        var (rig, dispatcher, platform, _) = await ArrangeAsync();
        using var __ = rig;
        await dispatcher.DeliverDueAsync(default);
        // The next hour, so the channel's hourly cap (Delivery:BurstCap by default) starts afresh.
        ((FakeTimeProvider)rig.Db.Time).Advance(TimeSpan.FromHours(1));
        var t0 = new DateTimeOffset(2026, 2, 2, 0, 0, 0, TimeSpan.Zero);
        rig.WriteFeed(Enumerable.Range(1, 5)
            .Select(n => new RssItem($"small-{n}", s_events[n - 1].Title, s_events[n - 1].Text, t0.AddMinutes(n)))
            .ToArray());

        await rig.CheckAsync();
        await dispatcher.DeliverDueAsync(default);

        Assert.Equal(6, platform.Alerts.Count);
        Assert.Empty(platform.Notices);
    }

    [Fact]
    public async Task When_a_group_is_lost_the_people_who_subscribed_it_are_told_by_direct_message()
    {
        var (rig, dispatcher, platform, _) = await ArrangeAsync();
        using var __ = rig;
        await dispatcher.DeliverDueAsync(default);
        var group = new ChatTarget("test", "group-9");
        await rig.SubscribeAsync("casualties", group, isPrivate: false, userId: "mod-1");
        await rig.SubscribeAsync("casualties OR losses", group, isPrivate: false, userId: "mod-2");
        rig.WriteFeed(new RssItem("g2", "Losses mount", "Heavy casualties were reported near Kursk.", new DateTimeOffset(2026, 2, 3, 0, 0, 0, TimeSpan.Zero)));
        await rig.CheckAsync();
        platform.Script.Enqueue(new DeliveryResult.TargetGone("missing access"));

        await dispatcher.DeliverDueAsync(default);

        Assert.Equal(["dm-mod-1", "dm-mod-2"], platform.Notices.Select(n => n.Target.ChatId).Order());
        Assert.All(platform.Notices, n => Assert.Contains("group-9", n.Text, StringComparison.Ordinal));
        Assert.Empty(await rig.Db.Outbox.DueAsync(rig.Db.Time.GetUtcNow(), 10));
    }

    [Fact]
    public async Task A_lost_private_chat_tells_nobody()
    {
        var (rig, dispatcher, platform, _) = await ArrangeAsync();
        using var __ = rig;
        platform.Script.Enqueue(new DeliveryResult.TargetGone("bot was blocked by the user"));

        await dispatcher.DeliverDueAsync(default);

        Assert.Empty(platform.Notices);
    }
}
