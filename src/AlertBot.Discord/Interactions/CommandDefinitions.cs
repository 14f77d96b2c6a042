using System.Globalization;
using System.Text.Json.Nodes;
using AlertBot.Core.Commands;

namespace AlertBot.Discord.Interactions;

/// <summary>
/// Builds Discord application commands (CHAT_INPUT) from <see cref="CommandCatalog"/>. Pure. A command with
/// subcommands gets SUB_COMMAND options (and SUB_COMMAND_GROUP for a subcommand that has its own), each with its
/// own typed options.
/// </summary>
internal static class CommandDefinitions
{
    private const int SubCommandOption = 1;
    private const int SubCommandGroupOption = 2;
    private const int StringOption = 3;
    private const int IntegerOption = 4;
    private const int AttachmentOption = 11;

    public static JsonArray Build(IEnumerable<CommandSpec> commands)
    {
        var array = new JsonArray();
        foreach (var command in commands)
        {
            array.Add(new JsonObject
            {
                ["name"] = command.Name.ToLowerInvariant(),
                ["type"] = 1,
                ["description"] = Limit(command.Description, 100),
                ["options"] = Options(command),
                // A UI default only: the handler checks member.permissions again on every call.
                ["default_member_permissions"] = command.ModeratorOnly
                    ? DiscordPermissions.ManageChannels.ToString(CultureInfo.InvariantCulture)
                    : null,
                // Guild channels and the bot's DM; moderator commands make no sense in a DM.
                ["contexts"] = command.ModeratorOnly ? new JsonArray(0) : new JsonArray(0, 1),
                ["integration_types"] = new JsonArray(0),
            });
        }

        return array;
    }

    /// <summary>A command's options: its subcommands (nested once more for a group), or its arguments.</summary>
    private static JsonArray Options(CommandSpec command)
    {
        var options = new JsonArray();
        foreach (var sub in command.Subcommands)
        {
            options.Add(new JsonObject
            {
                ["type"] = sub.HasSubcommands ? SubCommandGroupOption : SubCommandOption,
                ["name"] = sub.Name.ToLowerInvariant(),
                ["description"] = Limit(sub.Description, 100),
                ["options"] = Options(sub),
            });
        }

        // Discord requires required options before optional ones.
        foreach (var arg in command.Args.OrderByDescending(a => a.Required))
        {
            options.Add(Argument(arg));
        }

        return options;
    }

    private static JsonObject Argument(CommandArgSpec arg)
    {
        var option = new JsonObject
        {
            ["type"] = arg.Kind switch { CommandArgKind.Integer => IntegerOption, CommandArgKind.File => AttachmentOption, _ => StringOption },
            ["name"] = arg.Name.ToLowerInvariant(),
            ["description"] = Limit(arg.Description, 100),
            ["required"] = arg.Required,
        };
        if (arg.Choices is { Count: > 0 } choices)
        {
            option["choices"] = new JsonArray(choices.Select(c => (JsonNode)new JsonObject { ["name"] = c, ["value"] = c }).ToArray());
        }
        else if ((arg.SuggestTopics || arg.SuggestValues) && arg.Kind == CommandArgKind.Text)
        {
            option["autocomplete"] = true;
        }

        if (arg.Kind == CommandArgKind.Text)
        {
            option["max_length"] = arg.Rest ? 500 : 100;
        }

        return option;
    }

    private static string Limit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
