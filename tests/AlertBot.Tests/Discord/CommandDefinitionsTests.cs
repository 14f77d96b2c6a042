using System.Text.Json.Nodes;
using AlertBot.Core.Commands;
using AlertBot.Discord.Interactions;

namespace AlertBot.Tests.Discord;

public class CommandDefinitionsTests
{
    [Fact]
    public void Every_catalog_command_is_registered_with_typed_options()
    {
        var commands = CommandDefinitions.Build(CommandCatalog.All);

        Assert.Equal(CommandCatalog.All.Select(c => c.Name), commands.Select(c => c!["name"]!.GetValue<string>()));
        var unsubscribe = commands.Single(c => c!["name"]!.GetValue<string>() == "unsubscribe")!;
        Assert.Equal(4, unsubscribe["options"]![0]!["type"]!.GetValue<int>());
        var subscribe = commands.Single(c => c!["name"]!.GetValue<string>() == "subscribe")!;
        Assert.True(subscribe["options"]![0]!["autocomplete"]!.GetValue<bool>());
        Assert.Null(subscribe["options"]![1]!["autocomplete"]);
    }

    [Fact]
    public void Channel_settings_are_registered_with_choices_for_the_action_and_key_and_autocomplete_for_the_value()
    {
        var channel = CommandDefinitions.Build(CommandCatalog.All).Single(c => c!["name"]!.GetValue<string>() == "channel")!;
        var options = channel["options"]!.AsArray().ToDictionary(o => o!["name"]!.GetValue<string>());

        Assert.Equal(["settings", "set", "pause", "resume"], options["action"]!["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()));
        Assert.Contains("timezone", options["key"]!["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()));
        Assert.True(options["value"]!["autocomplete"]!.GetValue<bool>());
        Assert.Null(options["action"]!["autocomplete"]);
    }

    [Fact]
    public void Moderator_commands_default_to_manage_channels_and_others_to_everyone()
    {
        var specs = new[]
        {
            new CommandSpec("topic", "Manage topics", ModeratorOnly: true, []),
            new CommandSpec("help", "Help", ModeratorOnly: false, []),
        };

        var commands = CommandDefinitions.Build(specs);

        Assert.Equal("16", commands[0]!["default_member_permissions"]!.GetValue<string>());
        Assert.Null(commands[1]!["default_member_permissions"]);
        Assert.Equal("[0]", commands[0]!["contexts"]!.ToJsonString());
    }

    [Fact]
    public void Required_options_come_before_optional_ones()
    {
        var spec = new CommandSpec("x", "x", false,
        [
            new CommandArgSpec("b", "optional", CommandArgKind.Text, Required: false),
            new CommandArgSpec("a", "required", CommandArgKind.Integer, Required: true),
        ]);

        var options = (JsonArray)CommandDefinitions.Build([spec])[0]!["options"]!;

        Assert.Equal(["a", "b"], options.Select(o => o!["name"]!.GetValue<string>()));
    }
}
