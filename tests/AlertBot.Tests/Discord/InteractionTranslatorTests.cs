using System.Text.Json;
using AlertBot.Core.Commands;
using AlertBot.Discord.Interactions;

namespace AlertBot.Tests.Discord;

public class InteractionTranslatorTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void A_guild_command_uses_member_user_channel_and_permissions()
    {
        var request = InteractionTranslator.ToRequest(Parse("""
            {"id":"1","type":2,"token":"t","application_id":"9","guild_id":"50","channel_id":"60",
             "member":{"user":{"id":"70","username":"alice","global_name":"Alice"},"permissions":"16"},
             "data":{"name":"subscribe","options":[{"name":"query","type":3,"value":"troops \"north korea\""},{"name":"topic","type":3,"value":"nk"}]}}
            """));

        Assert.Equal("discord", request.Chat.Platform);
        Assert.Equal("60", request.Chat.ChatId);
        Assert.Equal("70", request.UserId);
        Assert.Equal("Alice", request.UserName);
        Assert.Equal("subscribe", request.Name);
        Assert.Equal("nk", request.Arguments.Text("topic"));
        Assert.Equal("troops \"north korea\"", request.Arguments.Text("query"));
        Assert.False(request.IsPrivateChat);
        Assert.True(request.IsModerator);
    }

    [Fact]
    public void A_dm_command_uses_the_top_level_user_and_is_private()
    {
        var request = InteractionTranslator.ToRequest(Parse("""
            {"id":"1","type":2,"token":"t","application_id":"9","channel_id":"61",
             "user":{"id":"71","username":"bob"},
             "data":{"name":"latest","options":[{"name":"n","type":4,"value":3},{"name":"topic","type":3,"value":"nk"}]}}
            """));

        Assert.Equal("@71", request.Chat.ChatId);
        Assert.Equal("71", request.UserId);
        Assert.Equal("bob", request.UserName);
        Assert.Equal("nk", request.Arguments.Text("topic"));
        Assert.Equal(3, request.Arguments.Integer("n"));
        Assert.True(request.IsPrivateChat);
        Assert.False(request.IsModerator);
    }

    [Fact]
    public void A_member_without_manage_channels_is_not_a_moderator()
    {
        var request = InteractionTranslator.ToRequest(Parse("""
            {"id":"1","type":2,"token":"t","application_id":"9","guild_id":"50","channel_id":"60",
             "member":{"user":{"id":"70","username":"alice"},"permissions":"3072"},"data":{"name":"help"}}
            """));

        Assert.False(request.IsModerator);
        Assert.Equal(0, request.Arguments.Count);
    }

    [Fact]
    public void Autocomplete_reports_the_focused_option()
    {
        var focused = InteractionTranslator.Focused(Parse("""
            {"data":{"name":"subscribe","options":[{"name":"topic","type":3,"value":"no","focused":true}]}}
            """));

        Assert.Equal(("subscribe", "topic", "no"), focused);
    }

    [Fact]
    public void A_subcommand_and_its_options_are_read_from_the_nested_options()
    {
        var request = InteractionTranslator.ToRequest(Parse("""
            {"id":"1","type":2,"token":"t","application_id":"9","guild_id":"50","channel_id":"60",
             "member":{"user":{"id":"70","username":"alice"},"permissions":"16"},
             "data":{"name":"channel","options":[{"name":"set","type":1,"options":[
               {"name":"key","type":3,"value":"timezone"},{"name":"value","type":3,"value":"Europe/Berlin"}]}]}}
            """));

        Assert.Equal("channel", request.Name);
        Assert.Equal("set", request.Subcommand);
        Assert.Equal(CommandArguments.Of(("key", "timezone"), ("value", "Europe/Berlin")).Under("set"), request.Arguments);
    }

    [Fact]
    public void An_attachment_option_becomes_the_requests_file_from_the_resolved_attachments_and_not_an_argument()
    {
        var request = InteractionTranslator.ToRequest(Parse("""
            {"id":"1","type":2,"token":"t","application_id":"9","guild_id":"50","channel_id":"60",
             "member":{"user":{"id":"70","username":"alice"},"permissions":"16"},
             "data":{"name":"topic","options":[{"name":"import","type":1,"options":[
               {"name":"topic","type":3,"value":"flood"},{"name":"file","type":11,"value":"880"}]}],
               "resolved":{"attachments":{"880":{"id":"880","filename":"feeds.opml","size":1234,
                 "url":"https://cdn.discordapp.com/attachments/1/880/feeds.opml?ex=1","content_type":"text/x-opml"}}}}}
            """));

        Assert.Equal("import", request.Subcommand);
        Assert.Equal(CommandArguments.Of(("topic", "flood")).Under("import"), request.Arguments);
        Assert.Equal(new CommandAttachment("feeds.opml", 1234, new Uri("https://cdn.discordapp.com/attachments/1/880/feeds.opml?ex=1")), request.Attachment);
    }

    [Fact]
    public void A_subcommand_group_gives_both_words_and_a_subcommand_without_options_gives_none()
    {
        var grouped = InteractionTranslator.ToRequest(Parse("""
            {"id":"1","type":2,"guild_id":"50","channel_id":"60","member":{"user":{"id":"70"},"permissions":"16"},
             "data":{"name":"topic","options":[{"name":"source","type":2,"options":[{"name":"add","type":1,"options":[
               {"name":"topic","type":3,"value":"nk"},{"name":"url","type":3,"value":"https://example.com/rss"}]}]}]}}
            """));
        var bare = InteractionTranslator.ToRequest(Parse("""
            {"id":"1","type":2,"guild_id":"50","channel_id":"60","member":{"user":{"id":"70"},"permissions":"16"},
             "data":{"name":"channel","options":[{"name":"pause","type":1}]}}
            """));

        Assert.Equal("source add", grouped.Subcommand);
        Assert.Equal("https://example.com/rss", grouped.Arguments.Text("url"));
        Assert.Equal("pause", bare.Subcommand);
        Assert.Equal(0, bare.Arguments.Count);
    }

    [Fact]
    public void Autocomplete_inside_a_subcommand_names_the_command_with_its_subcommand()
    {
        var focused = InteractionTranslator.Focused(Parse("""
            {"data":{"name":"channel","options":[{"name":"set","type":1,"options":[
              {"name":"key","type":3,"value":"timezone"},{"name":"value","type":3,"value":"Europe/Ber","focused":true}]}]}}
            """));

        Assert.Equal(("channel set", "value", "Europe/Ber"), focused);
    }

    [Theory]
    [InlineData("84992", null)]                                   // what the invite asks for
    [InlineData("8", null)]                                       // Administrator implies everything
    [InlineData("1024", "Send Messages, Embed Links")]            // View Channel only
    [InlineData("3072", "Embed Links")]                           // View Channel + Send Messages
    [InlineData("0", "View Channel, Send Messages, Embed Links")]
    public void Missing_alert_permissions_are_read_from_app_permissions(string appPermissions, string? expected)
    {
        var interaction = Parse($$$"""
            {"id":"1","type":2,"guild_id":"50","channel_id":"60","app_permissions":"{{{appPermissions}}}",
             "member":{"user":{"id":"70"},"permissions":"16"},"data":{"name":"subscribe"}}
            """);

        Assert.Equal(expected, InteractionTranslator.MissingAlertPermissions(interaction));
    }

    [Theory]
    [InlineData("""{"id":"1","type":2,"channel_id":"61","user":{"id":"71"},"app_permissions":"0","data":{"name":"subscribe"}}""")]
    [InlineData("""{"id":"1","type":2,"guild_id":"50","channel_id":"60","member":{"user":{"id":"70"}},"data":{"name":"subscribe"}}""")]
    public void Dms_and_interactions_without_app_permissions_are_never_refused(string json)
    {
        Assert.Null(InteractionTranslator.MissingAlertPermissions(Parse(json)));
    }
}
