using AlertBot.Core;
using AlertBot.Core.Commands;
using AlertBot.Tests.Support;

namespace AlertBot.Tests.Commands;

/// <summary>Subcommands (<c>/channel set</c>, <c>/topic status</c>) as the dispatcher, /help and the catalog read them.</summary>
public sealed class SubcommandTests : IAsyncLifetime
{
    private static readonly ChatTarget s_group = new("telegram", "-200");
    private DispatcherRig _rig = null!;

    public async Task InitializeAsync() => _rig = await DispatcherRig.CreateAsync(TestDatabase.Topic("nk-russia"));

    public Task DisposeAsync()
    {
        _rig.Dispose();
        return Task.CompletedTask;
    }

    private Task<CommandReply> Send(string name, string args, bool moderator = true) =>
        _rig.Dispatcher.HandleAsync(CommandRequest.FromText(s_group, "mod-1", "Mod", name, args, isPrivateChat: false, isModerator: moderator), default);

    [Fact]
    public async Task A_mistyped_subcommand_gets_a_guess_and_the_subcommands_that_exist()
    {
        var reply = await Send("channel", "sett mode digest");

        Assert.True(reply.IsError);
        Assert.Equal("There is no /channel sett. Did you mean /channel set? Usage: /channel settings, /channel set <key> <value>, /channel pause or /channel resume [waiting].",
            reply.Text);
    }

    [Fact]
    public async Task A_command_typed_without_its_subcommand_lists_them()
    {
        var reply = await Send("topic", "");

        Assert.True(reply.IsError);
        Assert.StartsWith("/topic needs one of: status", reply.Text, StringComparison.Ordinal);
        Assert.Contains("/topic status [topic]", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_moderator_is_refused_before_the_subcommand_is_even_read()
    {
        Assert.Equal("/channel is for moderators of this chat.", (await Send("channel", "mute", moderator: false)).Text);
        Assert.Equal("/channel is for moderators of this chat.", (await Send("channel", "set mode digest", moderator: false)).Text);
    }

    [Fact]
    public async Task Help_for_a_command_with_subcommands_lists_each_with_its_syntax()
    {
        var reply = await Send("help", "channel");

        Assert.False(reply.IsError);
        Assert.StartsWith("/channel settings|set|pause|resume\n", reply.Text, StringComparison.Ordinal);
        Assert.Contains("\n  /channel set <key> <value> — Change one setting", reply.Text, StringComparison.Ordinal);
        Assert.Contains("\n  /channel pause — ", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Details of one: /help channel settings", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_for_a_subcommand_gives_its_own_syntax_arguments_and_examples()
    {
        var reply = await Send("help", "/channel set");

        Assert.False(reply.IsError);
        Assert.StartsWith("/channel set <key> <value>\nChange one setting", reply.Text, StringComparison.Ordinal);
        Assert.Contains("For moderators of the chat.", reply.Text, StringComparison.Ordinal);
        Assert.Contains("\n  key — The setting: mode, digest-at", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Examples:\n  /channel set mode digest", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/channel pause", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_for_a_mistyped_subcommand_suggests_the_right_one()
    {
        var reply = await Send("help", "channel resme");

        Assert.True(reply.IsError);
        Assert.Contains("Did you mean /help channel resume?", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_overview_shows_a_command_with_its_subcommands()
    {
        var reply = await Send("help", "");

        Assert.Contains("\n/channel settings|set|pause|resume — ", reply.Text, StringComparison.Ordinal);
        Assert.Contains("\n/topic status — ", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subcommand_typed_as_text_runs_its_handler()
    {
        var reply = await Send("channel", "SET mode digest");

        Assert.Equal("mode: instant → digest. Digests go out at 08:00,18:00 (UTC).", reply.Text);
        Assert.Equal(Core.Channels.DeliveryMode.Digest, (await _rig.Db.ChannelSettings.GetAsync(s_group)).Mode);
    }

    [Fact]
    public void Command_lines_resolve_to_the_deepest_subcommand_they_name()
    {
        var set = CommandCatalog.Resolve("/channel set");
        var unknown = CommandCatalog.Resolve("channel mute");

        Assert.True(set!.IsComplete);
        Assert.Equal("/channel set <key> <value>", set.Usage);
        Assert.True(set.ModeratorOnly);
        Assert.False(unknown!.IsComplete);
        Assert.Equal("mute", unknown.Unknown);
        Assert.False(CommandCatalog.Resolve("channel")!.IsComplete);
        Assert.True(CommandCatalog.Resolve("subscribe")!.IsComplete);
        Assert.Null(CommandCatalog.Resolve("weather"));
    }

    [Fact]
    public void A_command_cannot_take_arguments_and_have_subcommands()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new CommandSpec("x", "x", false, [new CommandArgSpec("a", "a", CommandArgKind.Text, Required: true)]) { Subcommands = [new CommandSpec("y", "y", false, [])] });

        Assert.Contains("/x takes arguments", error.Message, StringComparison.Ordinal);
    }
}
