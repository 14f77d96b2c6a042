using System.Text.Json.Nodes;
using AlertBot.Core;
using AlertBot.Core.Commands;
using AlertBot.Core.Delivery;

namespace AlertBot.IntegrationTests.Telegram;

public sealed class TelegramCommandTests : IAsyncLifetime
{
    private const long Group = -100500;
    private const long Admin = 11;
    private const long Member = 12;
    private FakeBotApi _api = null!;
    private TelegramTestHost _host = null!;
    private readonly RecordingCommandHandler _handler = new();

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync(TelegramTestHost.Token);
        _api.SetAdmins(Group, Admin);
        _host = await TelegramTestHost.StartAsync(_api.BaseUrl, _handler, new InMemoryStateStore());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Subscribe_in_a_group_reaches_the_handler_and_the_escaped_reply_comes_back()
    {
        _api.AddMessage(Group, "supergroup", Admin, "/subscribe@AlertTestBot nk-russia troops");

        var sent = await _api.WaitForCallAsync("sendMessage");

        var request = Assert.Single(_handler.Requests);
        Assert.Equal(new CommandRequest(new ChatTarget("telegram", "-100500"), "11", "@user11", "subscribe", CommandArguments.Of(("topic", "nk-russia"), ("query", "troops")), IsPrivateChat: false, IsModerator: true), request);
        Assert.Equal(Group, sent.Body["chat_id"]!.GetValue<long>());
        Assert.Equal("HTML", sent.Body["parse_mode"]!.GetValue<string>(), ignoreCase: true); // Telegram reads parse_mode case-insensitively
        Assert.Equal("subscribe &lt;nk-russia troops&gt; &amp; done, thanks @\u2060someone", sent.Body["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Channel_set_typed_in_a_group_reaches_the_handler_as_subcommand_key_and_value()
    {
        _api.AddMessage(Group, "supergroup", Admin, "/channel@AlertTestBot set quiet 22:00-07:00");

        await _api.WaitForCallAsync("sendMessage");

        var request = Assert.Single(_handler.Requests);
        Assert.Equal("channel", request.Name);
        Assert.Equal(CommandArguments.Of(("key", "quiet"), ("value", "22:00-07:00")).Under("set"), request.Arguments);
        Assert.True(request.IsModerator);
    }

    [Fact]
    public async Task A_private_subscribe_is_personal_and_not_a_moderator_act()
    {
        _api.AddMessage(42, "private", 42, "/subscribe nk-russia troops");
        await _api.WaitForCallAsync("sendMessage", c => c.Body["chat_id"]!.GetValue<long>() == 42);

        var request = Assert.Single(_handler.Requests);
        Assert.True(request.IsPrivateChat);
        Assert.False(request.IsModerator);
        Assert.Equal("42", request.UserId);
    }

    [Fact]
    public async Task Moderator_status_follows_the_chat_administrators_including_anonymous_ones()
    {
        _api.AddMessage(Group, "supergroup", Member, "/topics");
        // Anonymous admin: from is GroupAnonymousBot, sender_chat is the group itself.
        _api.AddMessage(Group, "supergroup", 1087968824, "/subscriptions", senderChat: new JsonObject { ["id"] = Group, ["type"] = "supergroup" });
        // A channel speaking in the group is not an administrator.
        _api.AddMessage(Group, "supergroup", 136817688, "/help", senderChat: new JsonObject { ["id"] = -100777, ["type"] = "channel" });

        await WaitForRequestsAsync(3);
        var byName = _handler.Requests.ToDictionary(r => r.Name);
        Assert.False(byName["topics"].IsModerator);
        Assert.True(byName["subscriptions"].IsModerator);
        Assert.False(byName["help"].IsModerator);
        // Administrators were asked once and then cached.
        Assert.Single(_api.CallsTo("getChatAdministrators"));
    }

    [Fact]
    public async Task Commands_for_other_bots_and_plain_chatter_are_ignored()
    {
        _api.AddMessage(Group, "supergroup", Admin, "/subscribe@SomeOtherBot x");
        _api.AddMessage(Group, "supergroup", Admin, "just talking");
        _api.AddMessage(Group, "supergroup", Admin, "/weather"); // another bot's command, not addressed to us
        _api.AddMessage(Group, "supergroup", Admin, "/start@AlertTestBot");

        await WaitForRequestsAsync(1);
        Assert.Equal("help", Assert.Single(_handler.Requests).Name);
    }

    [Fact]
    public async Task Plain_text_in_a_private_chat_reaches_core_as_a_nameless_request_and_gets_its_reply()
    {
        _api.AddMessage(42, "private", 42, "hello there");

        await _api.WaitForCallAsync("sendMessage", c => c.Body["chat_id"]!.GetValue<long>() == 42);

        var request = Assert.Single(_handler.Requests);
        Assert.Equal("", request.Name);
        Assert.True(request.IsPrivateChat);
    }

    [Fact]
    public async Task The_command_menu_is_published_with_moderator_commands_for_administrators()
    {
        var calls = new[]
        {
            await _api.WaitForCallAsync("setMyCommands", c => c.Body["scope"]?["type"]?.GetValue<string>() == "default"),
            await _api.WaitForCallAsync("setMyCommands", c => c.Body["scope"]?["type"]?.GetValue<string>() == "all_chat_administrators"),
        };
        var everyone = calls[0].Body["commands"]!.AsArray().Select(c => c!["command"]!.GetValue<string>()).ToList();
        var admins = calls[1].Body["commands"]!.AsArray().Select(c => c!["command"]!.GetValue<string>()).ToList();
        Assert.Equal(CommandCatalog.All.Where(c => !c.ModeratorOnly).Select(c => c.Name), everyone);
        Assert.Equal(CommandCatalog.All.Select(c => c.Name), admins);
        var channel = calls[1].Body["commands"]!.AsArray().Single(c => c!["command"]!.GetValue<string>() == "channel")!;
        Assert.EndsWith(" — settings, set, pause, resume", channel["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsubscribe_button_runs_unsubscribe_and_answers_the_callback()
    {
        _api.AddCallback(42, "private", 42, "unsub:17");

        var answer = await _api.WaitForCallAsync("answerCallbackQuery");
        var request = Assert.Single(_handler.Requests);
        Assert.Equal(("unsubscribe", 17L, "42"), (request.Name, request.Arguments.Integer("id"), request.UserId));
        Assert.StartsWith("unsubscribe <17>", answer.Body["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_confirm_button_of_topic_remove_runs_it_as_the_administrator_who_pressed_it()
    {
        _handler.Reply = r => r.Subcommand == "remove" && r.Arguments.Text("confirm") is null
            ? new CommandReply("flood has 2 subscription(s). To go ahead: /topic remove flood confirm") { Actions = [new ReplyAction("Remove flood", "/topic remove flood confirm")] }
            : new CommandReply("Topic flood removed.");
        _api.AddMessage(Group, "supergroup", Admin, "/topic@AlertTestBot remove flood");

        var asked = await _api.WaitForCallAsync("sendMessage");
        var button = asked.Body["reply_markup"]!["inline_keyboard"]![0]![0]!;
        Assert.Equal(("Remove flood", "cmd:topic remove flood confirm"), (button["text"]!.GetValue<string>(), button["callback_data"]!.GetValue<string>()));

        _api.AddCallback(Group, "supergroup", Admin, "cmd:topic remove flood confirm");
        var answer = await _api.WaitForCallAsync("answerCallbackQuery");

        var pressed = _handler.Requests[^1];
        Assert.Equal(("topic", "remove", "flood", "confirm", true, "11"),
            (pressed.Name, pressed.Subcommand, pressed.Arguments.Text("topic"), pressed.Arguments.Text("confirm"), pressed.IsModerator, pressed.UserId));
        Assert.Equal("Topic flood removed.", answer.Body["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_forged_button_is_answered_but_runs_nothing()
    {
        _api.AddCallback(42, "private", 42, "unsub:1; drop table");
        await _api.WaitForCallAsync("answerCallbackQuery");
        Assert.Empty(_handler.Requests);
    }

    private async Task WaitForRequestsAsync(int count)
    {
        for (var i = 0; i < 200 && _handler.Requests.Count < count; i++) await Task.Delay(50);
        // Give a wrongly accepted extra update the chance to show up.
        await Task.Delay(200);
    }
}
