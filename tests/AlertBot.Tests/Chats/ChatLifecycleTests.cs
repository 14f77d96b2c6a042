using AlertBot.Core;
using AlertBot.Core.Commands;
using AlertBot.Core.Delivery;
using AlertBot.Core.Storage;
using AlertBot.Tests.Support;

namespace AlertBot.Tests.Chats;

/// <summary>A chat's lifecycle as commands and delivery drive it, over a real SQLite file and the real matcher.</summary>
public sealed class ChatLifecycleTests : IAsyncLifetime
{
    private static readonly ChatTarget s_group = new("telegram", "-200");
    private DispatcherRig _rig = null!;

    public async Task InitializeAsync() => _rig = await DispatcherRig.CreateAsync(TestDatabase.Topic("nk-russia"));

    public Task DisposeAsync()
    {
        _rig.Dispose();
        return Task.CompletedTask;
    }

    private Task<CommandReply> Subscribe(string args, ChatTarget? chat = null) =>
        _rig.Dispatcher.HandleAsync(CommandRequest.FromText(chat ?? s_group, "mod", "Mod", "subscribe", args, isPrivateChat: false, isModerator: true), default);

    [Fact]
    public async Task A_disabled_chat_that_subscribes_again_gets_all_its_older_subscriptions_back()
    {
        await Subscribe("nk-russia troops");
        await Subscribe("nk-russia missiles");
        await _rig.Lifecycle.DisableAsync(s_group, "bot kicked", default);
        Assert.Empty(_rig.Matcher.Match("nk-russia", "troops and missiles"));

        var reply = await Subscribe("nk-russia drones");

        Assert.False(reply.IsError, reply.Text);
        Assert.Equal(3, _rig.Matcher.Match("nk-russia", "troops and missiles and drones").Count);
        Assert.Single(_rig.Matcher.Match("nk-russia", "troops only"));
    }

    [Fact]
    public async Task Subscribing_again_to_what_a_disabled_chat_had_resumes_it_without_a_duplicate()
    {
        await Subscribe("nk-russia troops");
        await _rig.Lifecycle.DisableAsync(s_group, "bot kicked", default);

        var reply = await Subscribe("nk-russia troops");

        Assert.Contains("resumed", reply.Text, StringComparison.Ordinal);
        Assert.Single(await _rig.Db.Subscriptions.ListForChatAsync(s_group));
        Assert.Single(_rig.Matcher.Match("nk-russia", "troops"));
    }

    [Fact]
    public async Task Disabling_a_chat_silences_its_subscriptions_and_drops_its_pending_alerts()
    {
        await Subscribe("nk-russia troops");
        var other = new ChatTarget("telegram", "-300");
        await Subscribe("nk-russia troops", other);

        await _rig.Lifecycle.DisableAsync(s_group, "bot kicked", default);

        var live = Assert.Single(_rig.Matcher.Match("nk-russia", "troops"));
        Assert.Equal(other.ChatId, Assert.Single(await _rig.Db.Subscriptions.FindAsync([live])).ChatId);
        Assert.Single(await _rig.Db.Subscriptions.ListActiveAsync());
    }

    [Fact]
    public async Task A_moved_chat_keeps_its_subscriptions_live_under_the_new_id()
    {
        await Subscribe("nk-russia troops");

        await _rig.Lifecycle.MoveAsync(s_group, "-100200", default);

        var moved = new ChatTarget("telegram", "-100200");
        var sub = Assert.Single(await _rig.Db.Subscriptions.ListForChatAsync(moved));
        Assert.Empty(await _rig.Db.Subscriptions.ListForChatAsync(s_group));
        Assert.Equal([sub.Id], _rig.Matcher.Match("nk-russia", "troops"));
    }

    [Fact]
    public async Task Start_up_loads_the_subscriptions_of_reachable_chats_only()
    {
        await Subscribe("nk-russia troops");
        var other = new ChatTarget("telegram", "-300");
        await Subscribe("nk-russia troops", other);
        await _rig.Db.Chats.DisableAsync(other, "gone");

        using var fresh = new Core.Subscriptions.SubscriptionMatcher();
        Assert.Equal(1, await _rig.Db.Lifecycle(fresh).LoadAsync(default));
        Assert.Single(fresh.Match("nk-russia", "troops"));
    }

    [Theory]
    [InlineData("nk-russia troops", "nk-russia troops")]
    [InlineData("nk-russia Troops", "nk-russia  troops")]
    [InlineData("nk-russia", "NK-Russia")]
    public async Task Subscribing_twice_to_the_same_topic_and_query_says_already_subscribed(string first, string second)
    {
        await Subscribe(first);
        var id = Assert.Single(await _rig.Db.Subscriptions.ListForChatAsync(s_group)).Id;

        var reply = await Subscribe(second);

        Assert.False(reply.IsError, reply.Text);
        Assert.StartsWith($"Already subscribed (#{id})", reply.Text, StringComparison.Ordinal);
        Assert.Single(await _rig.Db.Subscriptions.ListForChatAsync(s_group));
    }

    [Fact]
    public async Task The_same_query_in_another_chat_or_another_query_is_a_new_subscription()
    {
        await Subscribe("nk-russia troops");
        Assert.StartsWith("Subscribed", (await Subscribe("nk-russia troops", new ChatTarget("telegram", "-300"))).Text, StringComparison.Ordinal);
        Assert.StartsWith("Subscribed", (await Subscribe("nk-russia soldiers")).Text, StringComparison.Ordinal);
        Assert.Equal(2, (await _rig.Db.Subscriptions.ListForChatAsync(s_group)).Count);
    }

    [Fact]
    public async Task A_chat_cannot_have_more_subscriptions_than_its_cap()
    {
        var lifecycle = _rig.Db.Lifecycle(_rig.Matcher, subscriptionsPerChat: 3);
        var query = Core.Subscriptions.Query.Parse("troops").Query!;
        for (var i = 0; i < 3; i++)
        {
            var added = await lifecycle.SubscribeAsync(new Core.Subscriptions.NewSubscription(s_group, false, "mod", "nk-russia", "troops" + i), Core.Subscriptions.Query.Parse("troops" + i).Query!, default);
            Assert.IsType<Core.Subscriptions.SubscribeOutcome.Added>(added);
        }

        var refused = await lifecycle.SubscribeAsync(new Core.Subscriptions.NewSubscription(s_group, false, "mod", "nk-russia", "troops"), query, default);

        Assert.Equal(3, Assert.IsType<Core.Subscriptions.SubscribeOutcome.LimitReached>(refused).Limit);
        Assert.Equal(3, (await _rig.Db.Subscriptions.ListForChatAsync(s_group)).Count);
        Assert.Empty(_rig.Matcher.Match("nk-russia", "troops"));
    }

    [Fact]
    public async Task Repeated_identical_subscribe_lines_even_at_the_same_moment_make_one_subscription()
    {
        for (var i = 0; i < 20; i++) await Subscribe("nk-russia troops");
        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Subscribe("nk-russia troops")));

        Assert.Single(await _rig.Db.Subscriptions.ListForChatAsync(s_group));
        Assert.All(replies, r => Assert.StartsWith("Already subscribed", r.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_default_cap_refuses_the_fifty_first_subscription_with_a_way_out()
    {
        for (var i = 0; i < 50; i++) Assert.False((await Subscribe($"nk-russia word{i}")).IsError);

        var reply = await Subscribe("nk-russia one more");

        Assert.True(reply.IsError);
        Assert.Contains("50 subscriptions", reply.Text, StringComparison.Ordinal);
        Assert.Contains("/unsubscribe", reply.Text, StringComparison.Ordinal);
        Assert.Equal(50, (await _rig.Db.Subscriptions.ListForChatAsync(s_group)).Count);
    }
}
