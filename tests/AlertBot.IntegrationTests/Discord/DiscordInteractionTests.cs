using System.Text.Json;
using AlertBot.Core.Commands;

namespace AlertBot.IntegrationTests.Discord;

public class DiscordInteractionTests
{
    private static JsonElement Json(RecordedRequest request) => JsonDocument.Parse(request.Body).RootElement;

    [Fact]
    public async Task Commands_are_registered_from_the_catalog_once_ready()
    {
        await using var bot = await BotHarness.StartReadyAsync();

        var put = await bot.Fake.WaitForRequestAsync(r => r.Method == "PUT");

        Assert.Equal("/applications/900/commands", put.Path);
        var commands = Json(put).EnumerateArray().ToList();
        Assert.Equal(CommandCatalog.All.Count, commands.Count);
        var subscribe = commands.Single(c => c.GetProperty("name").GetString() == "subscribe");
        Assert.True(subscribe.GetProperty("options")[0].GetProperty("autocomplete").GetBoolean());
    }

    [Fact]
    public async Task Commands_go_to_configured_guilds_instead_of_globally()
    {
        await using var bot = await BotHarness.StartReadyAsync(new Dictionary<string, string?> { ["Discord:CommandGuildIds:0"] = "555" });

        var put = await bot.Fake.WaitForRequestAsync(r => r.Method == "PUT");

        Assert.Equal("/applications/900/guilds/555/commands", put.Path);
    }

    [Fact]
    public async Task A_slash_command_is_answered_through_the_callback_endpoint()
    {
        await using var bot = await BotHarness.StartReadyAsync();

        var (id, token) = await bot.InteractAsync(BotHarness.SlashCommand("1001", "subscribe",
            [new { name = "topic", type = 3, value = "nk-russia" }, new { name = "query", type = 3, value = "troops" }], permissions: "16"), "1001");
        var callback = await bot.Fake.WaitForRequestAsync(r => r.Path == $"/interactions/{id}/{token}/callback");

        var body = Json(callback);
        Assert.Equal(4, body.GetProperty("type").GetInt32());
        Assert.Equal("ok subscribe nk-russia troops", body.GetProperty("data").GetProperty("content").GetString());
        Assert.Equal("""{"parse":[]}""", body.GetProperty("data").GetProperty("allowed_mentions").GetRawText());
        Assert.False(body.GetProperty("data").TryGetProperty("flags", out _));
        var request = Assert.Single(bot.Handler.Requests);
        Assert.Equal("60", request.Chat.ChatId);
        Assert.Equal("70", request.UserId);
        Assert.True(request.IsModerator);
        Assert.False(request.IsPrivateChat);
    }

    [Fact]
    public async Task Commands_with_subcommands_are_registered_as_sub_command_options()
    {
        await using var bot = await BotHarness.StartReadyAsync();

        var put = await bot.Fake.WaitForRequestAsync(r => r.Method == "PUT");

        var channel = Json(put).EnumerateArray().Single(c => c.GetProperty("name").GetString() == "channel");
        var subcommands = channel.GetProperty("options").EnumerateArray().ToList();
        Assert.Equal(["settings", "set", "pause", "resume"], subcommands.Select(s => s.GetProperty("name").GetString()));
        Assert.All(subcommands, s => Assert.Equal(1, s.GetProperty("type").GetInt32()));
        var set = subcommands.Single(s => s.GetProperty("name").GetString() == "set");
        Assert.Equal(["key", "value"], set.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("name").GetString()));
        var topic = Json(put).EnumerateArray().Single(c => c.GetProperty("name").GetString() == "topic");
        Assert.Contains(topic.GetProperty("options").EnumerateArray(), o => o.GetProperty("name").GetString() == "status" && o.GetProperty("type").GetInt32() == 1);
    }

    [Fact]
    public async Task Channel_set_as_a_slash_subcommand_reaches_the_handler_with_its_subcommand_key_and_value()
    {
        await using var bot = await BotHarness.StartReadyAsync();

        var (id, token) = await bot.InteractAsync(BotHarness.SlashCommand("1009", "channel",
            [new { name = "set", type = 1, options = new[] { new { name = "key", type = 3, value = "timezone" }, new { name = "value", type = 3, value = "Europe/Berlin" } } }],
            permissions: "16"), "1009");
        var callback = await bot.Fake.WaitForRequestAsync(r => r.Path == $"/interactions/{id}/{token}/callback");

        var request = Assert.Single(bot.Handler.Requests);
        Assert.Equal("channel", request.Name);
        Assert.Equal("set", request.Subcommand);
        Assert.Equal(CommandArguments.Of(("key", "timezone"), ("value", "Europe/Berlin")).Under("set"), request.Arguments);
        Assert.True(request.IsModerator);
        // A moderator command's reply is shown to the moderator only.
        Assert.Equal(64, Json(callback).GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal("ok channel set timezone Europe/Berlin", Json(callback).GetProperty("data").GetProperty("content").GetString());
    }

    [Fact]
    public async Task An_option_inside_a_subcommand_autocompletes_with_the_subcommand_named()
    {
        await using var bot = await BotHarness.StartReadyAsync();
        var asked = new List<string>();
        bot.Handler.Suggest = (command, argument, partial) =>
        {
            asked.Add($"{command}|{argument}|{partial}");
            return ["Europe/Berlin"];
        };

        await bot.InteractAsync(new
        {
            id = "1010", type = 4, token = "tok-1010", application_id = "900", guild_id = "50", channel_id = "60",
            member = new { user = new { id = "70", username = "alice" }, permissions = "16" },
            data = new
            {
                id = "5", name = "channel", type = 1,
                options = new[] { new { name = "set", type = 1, options = new object[] { new { name = "key", type = 3, value = "timezone" }, new { name = "value", type = 3, value = "Europe/Ber", focused = true } } } },
            },
        }, "1010");
        var callback = await bot.Fake.WaitForRequestAsync(r => r.Path == "/interactions/1010/tok-1010/callback");

        Assert.Equal(8, Json(callback).GetProperty("type").GetInt32());
        Assert.Equal(["Europe/Berlin"], Json(callback).GetProperty("data").GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()));
        Assert.Equal(["channel set|value|Europe/Ber"], asked);
    }

    [Fact]
    public async Task A_replys_follow_up_is_a_button_and_pressing_it_runs_that_command_as_the_presser()
    {
        await using var bot = await BotHarness.StartReadyAsync();
        bot.Handler.Reply = r => Task.FromResult(r.Subcommand == "resume" && !r.Arguments.Has("waiting")
            ? new CommandReply("Resumed: new alerts come again. 7 alerts are waiting.") { Actions = [new ReplyAction("Send them as one digest", "/channel resume digest")] }
            : new CommandReply("7 alerts are waiting: they come now as one digest."));

        var (id, token) = await bot.InteractAsync(BotHarness.SlashCommand("1011", "channel", [new { name = "resume", type = 1 }], permissions: "16"), "1011");
        var offer = Json(await bot.Fake.WaitForRequestAsync(r => r.Path == $"/interactions/{id}/{token}/callback")).GetProperty("data");
        var button = offer.GetProperty("components")[0].GetProperty("components")[0];
        await bot.InteractAsync(new
        {
            id = "1012", type = 3, token = "tok-1012", application_id = "900", guild_id = "50", channel_id = "60",
            member = new { user = new { id = "72", username = "carol" }, permissions = "16" },
            message = new { id = "88" },
            data = new { custom_id = button.GetProperty("custom_id").GetString(), component_type = 2 },
        }, "1012");
        var pressed = Json(await bot.Fake.WaitForRequestAsync(r => r.Path == "/interactions/1012/tok-1012/callback"));

        Assert.Equal(1, offer.GetProperty("components")[0].GetProperty("type").GetInt32());
        Assert.Equal("Send them as one digest", button.GetProperty("label").GetString());
        Assert.Equal("cmd:channel resume digest", button.GetProperty("custom_id").GetString());
        Assert.Equal(4, pressed.GetProperty("type").GetInt32());
        Assert.Equal("7 alerts are waiting: they come now as one digest.", pressed.GetProperty("data").GetProperty("content").GetString());
        var request = bot.Handler.Requests.Last();
        Assert.Equal(("channel", "resume", "digest"), (request.Name, request.Subcommand, request.Arguments.Text("waiting")));
        Assert.Equal("72", request.UserId);
        Assert.True(request.IsModerator);
    }

    [Fact]
    public async Task A_button_that_is_not_ours_gets_an_ephemeral_apology_and_runs_nothing()
    {
        await using var bot = await BotHarness.StartReadyAsync();

        await bot.InteractAsync(new
        {
            id = "1013", type = 3, token = "tok-1013", application_id = "900", guild_id = "50", channel_id = "60",
            member = new { user = new { id = "72", username = "carol" }, permissions = "16" },
            data = new { custom_id = "something-else", component_type = 2 },
        }, "1013");
        var answer = Json(await bot.Fake.WaitForRequestAsync(r => r.Path == "/interactions/1013/tok-1013/callback"));

        Assert.Equal(64, answer.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Empty(bot.Handler.Requests);
    }

    [Fact]
    public async Task An_error_reply_is_ephemeral()
    {
        await using var bot = await BotHarness.StartReadyAsync();
        bot.Handler.Reply = _ => Task.FromResult(CommandReply.Error("Unknown subscription 9."));

        var (id, token) = await bot.InteractAsync(BotHarness.SlashCommand("1002", "unsubscribe", [new { name = "id", type = 4, value = 9 }], dm: true), "1002");
        var callback = await bot.Fake.WaitForRequestAsync(r => r.Path == $"/interactions/{id}/{token}/callback");

        var data = Json(callback).GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        Assert.Equal("Unknown subscription 9.", data.GetProperty("content").GetString());
        var request = Assert.Single(bot.Handler.Requests);
        Assert.True(request.IsPrivateChat);
        Assert.Equal("@71", request.Chat.ChatId);
        Assert.Equal(9, request.Arguments.Integer("id"));
    }

    [Fact]
    public async Task A_slow_command_is_deferred_and_then_finished_with_patch_original()
    {
        await using var bot = await BotHarness.StartReadyAsync();
        var release = new TaskCompletionSource<CommandReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        bot.Handler.Reply = _ => release.Task;

        var (id, token) = await bot.InteractAsync(BotHarness.SlashCommand("1003", "latest", [new { name = "topic", type = 3, value = "nk-russia" }]), "1003");
        var deferred = await bot.Fake.WaitForRequestAsync(r => r.Path == $"/interactions/{id}/{token}/callback");
        Assert.Equal(5, Json(deferred).GetProperty("type").GetInt32());
        Assert.DoesNotContain(bot.Fake.Requests, r => r.Method == "PATCH");

        release.SetResult(new CommandReply("1. Troops deployed (2 h ago)"));
        var edit = await bot.Fake.WaitForRequestAsync(r => r.Method == "PATCH");

        Assert.Equal($"/webhooks/900/{token}/messages/@original", edit.Path);
        Assert.Equal("1. Troops deployed (2 h ago)", Json(edit).GetProperty("content").GetString());
        Assert.Equal("""{"parse":[]}""", Json(edit).GetProperty("allowed_mentions").GetRawText());
        Assert.Single(bot.Fake.Requests, r => r.Path.EndsWith("/callback", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Topic_arguments_autocomplete_from_the_handler()
    {
        await using var bot = await BotHarness.StartReadyAsync();

        await bot.InteractAsync(new
        {
            id = "1004", type = 4, token = "tok-1004", application_id = "900", guild_id = "50", channel_id = "60",
            member = new { user = new { id = "70", username = "alice" }, permissions = "0" },
            data = new { id = "5", name = "subscribe", type = 1, options = new[] { new { name = "topic", type = 3, value = "nk", focused = true } } },
        }, "1004");
        var callback = await bot.Fake.WaitForRequestAsync(r => r.Path == "/interactions/1004/tok-1004/callback");

        var body = Json(callback);
        Assert.Equal(8, body.GetProperty("type").GetInt32());
        Assert.Equal(["nk-russia", "nk-nukes"], body.GetProperty("data").GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()));
        Assert.Empty(bot.Handler.Requests);
    }

    [Fact]
    public async Task What_the_bot_lacks_to_post_in_the_channel_reaches_the_handler_with_the_command()
    {
        await using var bot = await BotHarness.StartReadyAsync();
        var interaction = new
        {
            id = "1077", type = 2, token = "tok-1077", application_id = "900", guild_id = "50", channel_id = "60",
            app_permissions = "1024",
            member = new { user = new { id = "70", username = "alice" }, roles = Array.Empty<string>(), permissions = "16" },
            data = new { id = "5", name = "subscribe", type = 1, options = new object[] { new { name = "topic", type = 3, value = "nk-russia" } } },
            version = 1,
        };

        var (id, token) = await bot.InteractAsync(interaction, "1077");
        var callback = await bot.Fake.WaitForRequestAsync(r => r.Path == $"/interactions/{id}/{token}/callback");

        Assert.Equal("ok subscribe nk-russia", Json(callback).GetProperty("data").GetProperty("content").GetString());
        var request = Assert.Single(bot.Handler.Requests);
        Assert.Equal("Send Messages, Embed Links", request.MissingAlertPermissions);
        Assert.Equal("nk-russia", request.Arguments.Text("topic"));
    }
}
