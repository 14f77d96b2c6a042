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
    public void Channel_is_registered_as_subcommands_and_set_has_key_choices_and_value_autocomplete()
    {
        var channel = CommandDefinitions.Build(CommandCatalog.All).Single(c => c!["name"]!.GetValue<string>() == "channel")!;
        var subcommands = channel["options"]!.AsArray().ToDictionary(o => o!["name"]!.GetValue<string>());

        Assert.Equal(["settings", "set", "pause", "resume"], subcommands.Keys);
        Assert.All(subcommands.Values, s => Assert.Equal(1, s!["type"]!.GetValue<int>()));
        Assert.All(subcommands.Values, s => Assert.False(string.IsNullOrEmpty(s!["description"]!.GetValue<string>())));
        var set = subcommands["set"]!["options"]!.AsArray().ToDictionary(o => o!["name"]!.GetValue<string>());
        Assert.Contains("timezone", set["key"]!["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()));
        Assert.True(set["key"]!["required"]!.GetValue<bool>());
        Assert.True(set["value"]!["autocomplete"]!.GetValue<bool>());
        Assert.Empty(subcommands["pause"]!["options"]!.AsArray());
    }

    [Fact]
    public void Topic_import_offers_an_optional_attachment_option_for_the_opml_file()
    {
        var topic = CommandDefinitions.Build(CommandCatalog.All).Single(c => c!["name"]!.GetValue<string>() == "topic")!;
        var import = topic["options"]!.AsArray().Single(o => o!["name"]!.GetValue<string>() == "import")!;
        var file = import["options"]!.AsArray().Single(o => o!["name"]!.GetValue<string>() == "file")!;

        Assert.Equal(11, file["type"]!.GetValue<int>());
        Assert.False(file["required"]!.GetValue<bool>());
        Assert.Null(file["max_length"]);
        Assert.Null(file["autocomplete"]);
    }

    [Fact]
    public void A_subcommand_with_its_own_subcommands_is_registered_as_a_subcommand_group()
    {
        var spec = CommandSpec.Group("topic", "Topics", moderatorOnly: true,
            new CommandSpec("status", "Health", true, [new CommandArgSpec("topic", "Topic id", CommandArgKind.Text, Required: false, SuggestTopics: true)]),
            CommandSpec.Group("source", "Feeds of a topic", true,
                new CommandSpec("add", "Add a feed", true,
                [
                    new CommandArgSpec("topic", "Topic id", CommandArgKind.Text, Required: true, SuggestTopics: true),
                    new CommandArgSpec("url", "Feed URL", CommandArgKind.Text, Required: true),
                ]),
                new CommandSpec("remove", "Remove a feed", true, [new CommandArgSpec("n", "Feed number", CommandArgKind.Integer, Required: true)])));

        var options = CommandDefinitions.Build([spec])[0]!["options"]!.AsArray();

        Assert.Equal([("status", 1), ("source", 2)], options.Select(o => (o!["name"]!.GetValue<string>(), o["type"]!.GetValue<int>())));
        var source = options[1]!["options"]!.AsArray();
        Assert.Equal([("add", 1), ("remove", 1)], source.Select(o => (o!["name"]!.GetValue<string>(), o["type"]!.GetValue<int>())));
        Assert.True(source[0]!["options"]![0]!["autocomplete"]!.GetValue<bool>());
        Assert.Equal(4, source[1]!["options"]![0]!["type"]!.GetValue<int>());
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
