using AlertBot.Core;
using AlertBot.Core.Channels;
using AlertBot.Core.Commands;
using AlertBot.Core.Delivery;
using AlertBot.Core.Storage;
using AlertBot.Tests.Support;

namespace AlertBot.Tests.Commands;

public sealed class ChannelCommandsTests : IAsyncLifetime
{
    private static readonly ChatTarget s_group = new("telegram", "-200");
    private DispatcherRig _rig = null!;

    public async Task InitializeAsync() => _rig = await DispatcherRig.CreateAsync(TestDatabase.Topic("t"));

    public Task DisposeAsync()
    {
        _rig.Dispose();
        return Task.CompletedTask;
    }

    private Task<CommandReply> Channel(string args, bool moderator = true) =>
        _rig.Dispatcher.HandleAsync(CommandRequest.FromText(s_group, "mod-1", "Mod", "channel", args, isPrivateChat: false, isModerator: moderator), default);

    [Fact]
    public async Task Settings_show_every_key_with_its_default_and_how_many_alerts_are_waiting()
    {
        var reply = await Channel("settings");

        Assert.False(reply.IsError);
        Assert.Equal(
            "Settings of this channel:\nmode: instant\ndigest-at: 08:00,18:00\ntimezone: UTC\nquiet: off\nmax-per-hour: 5 (the bot's default)\n" +
            "summary-length: 300\nfigures: on\npreviews: on\nupdates: on\nNo alerts are waiting.\nChange one with /channel set <key> <value>, for example /channel set quiet 22:00-07:00.",
            reply.Text);
    }

    [Fact]
    public async Task Set_stores_the_value_says_before_and_after_and_records_who_changed_it()
    {
        var reply = await Channel("set timezone europe/berlin");
        await Channel("set quiet 22:00-07:00");

        Assert.Equal("timezone: UTC → Europe/Berlin.", reply.Text);
        var settings = await _rig.Db.ChannelSettings.GetAsync(s_group);
        Assert.Equal("Europe/Berlin", settings.TimeZone);
        Assert.Equal("22:00-07:00", settings.Quiet?.ToString());
        var audit = await _rig.Db.Audit.LatestAsync(s_group, 10);
        Assert.Equal([("channel set quiet", "off", "22:00-07:00"), ("channel set timezone", "UTC", "Europe/Berlin")],
            audit.Select(a => (a.Action, a.Before, a.After)));
        Assert.All(audit, a => Assert.Equal(("mod-1", "Mod"), (a.UserId, a.UserName)));
    }

    [Fact]
    public async Task A_wrong_value_is_refused_with_what_is_allowed_and_nothing_changes()
    {
        var reply = await Channel("set max-per-hour lots");

        Assert.True(reply.IsError);
        Assert.Equal("'lots' is not a valid max-per-hour: use a whole number from 1 to 100, or off. Example: /channel set max-per-hour 3", reply.Text);
        Assert.Same(ChannelSettings.Default, await _rig.Db.ChannelSettings.GetAsync(s_group));
        Assert.Empty(await _rig.Db.Audit.LatestAsync(s_group, 10));
    }

    [Fact]
    public async Task Only_moderators_change_a_channels_settings()
    {
        var reply = await Channel("set mode digest", moderator: false);

        Assert.True(reply.IsError);
        Assert.Same(ChannelSettings.Default, await _rig.Db.ChannelSettings.GetAsync(s_group));
    }

    [Fact]
    public async Task Resume_says_how_many_alerts_waited_and_makes_them_due_now_as_one_digest()
    {
        await _rig.Db.Subscriptions.AddAsync(s_group, false, "mod-1", "t", "");
        Assert.Equal("Paused. Alerts are kept, not lost: /channel resume offers them as one digest.", (await Channel("pause")).Text);
        var now = _rig.Db.Time.GetUtcNow();
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var id = await _rig.Db.Articles.InsertAsync(new ArticleRecord { TopicId = "t", Identity = "a" + i, Title = "A" + i, FetchedAt = now, Text = "x", Summary = "x" });
            ids.Add(id!.Value);
        }
        await _rig.Db.Outbox.EnqueueAsync(ids.Select(id => new OutboxEntry(s_group, id, 1)), now);
        var pending = await _rig.Db.Outbox.DueAsync(now, 10);
        await _rig.Db.Held.HoldAsync(pending.Select(r => r.Id), HeldBatch.Paused, HeldBatch.Never);
        Assert.Contains("3 alerts are waiting", (await Channel("settings")).Text, StringComparison.Ordinal);

        var reply = await Channel("resume");

        Assert.Equal("Resumed: new alerts come again. 3 alerts are waiting. Send them as one digest: /channel resume digest", reply.Text);
        Assert.Equal([new ReplyAction("Send them as one digest", "/channel resume digest")], reply.Actions);
        Assert.False((await _rig.Db.ChannelSettings.GetAsync(s_group)).Paused);
        Assert.Empty(await _rig.Db.Outbox.DueAsync(now, 10));
        Assert.False(await _rig.Signal.WaitAsync(TimeSpan.Zero, default));

        var taken = await Channel("resume digest");

        Assert.Equal("3 alerts are waiting: they come now as one digest.", taken.Text);
        var due = await _rig.Db.Outbox.DueAsync(now, 10);
        Assert.Equal(3, due.Count);
        Assert.Single(due.Select(r => r.Batch).Distinct());
        Assert.True(await _rig.Signal.WaitAsync(TimeSpan.Zero, default));
    }

    [Fact]
    public async Task Resume_digest_on_a_paused_channel_resumes_it_and_sends_what_waited_at_once()
    {
        await Channel("pause");

        var reply = await Channel("resume digest");

        Assert.Equal("Resumed: new alerts come again. Nothing was waiting.", reply.Text);
        Assert.False((await _rig.Db.ChannelSettings.GetAsync(s_group)).Paused);
        Assert.Equal("/channel resume takes nothing, or digest to send what waited as one digest.", (await Channel("resume everything")).Text);
    }

    [Fact]
    public async Task Time_zones_are_offered_as_the_value_is_typed()
    {
        var suggestions = await _rig.Dispatcher.SuggestAsync("channel set", "value", "Europe/Ber", default);

        Assert.Equal(["Europe/Berlin"], suggestions);
    }

    [Fact]
    public async Task A_subscription_made_with_digest_waits_for_the_digest_times_and_keeps_its_query_clean()
    {
        var reply = await _rig.Dispatcher.HandleAsync(
            CommandRequest.FromText(s_group, "mod-1", "Mod", "subscribe", "t troops --digest", isPrivateChat: false, isModerator: true), default);

        Assert.False(reply.IsError);
        Assert.Contains("in this channel's digests", reply.Text, StringComparison.Ordinal);
        var sub = Assert.Single(await _rig.Db.Subscriptions.ListForChatAsync(s_group));
        Assert.Equal("troops", sub.Query);
        Assert.Equal([sub.Id], await _rig.Db.Held.DigestSubscriptionsAsync([sub.Id, sub.Id + 1000]));
    }

    [Fact]
    public async Task An_unknown_action_gets_the_usage()
    {
        var reply = await Channel("mute");

        Assert.True(reply.IsError);
        Assert.Equal("There is no /channel mute. " + Core.Commands.Groups.ChannelCommands.Usage, reply.Text);
    }
}
