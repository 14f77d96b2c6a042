using System.Globalization;
using System.Text.Json.Nodes;
using AlertBot.Core.Commands;

namespace AlertBot.Discord.Interactions;

/// <summary>Builds Discord application commands (CHAT_INPUT) from <see cref="CommandCatalog"/>. Pure.</summary>
internal static class CommandDefinitions
{
    private const int StringOption = 3;
    private const int IntegerOption = 4;

    public static JsonArray Build(IEnumerable<CommandSpec> commands)
    {
        var array = new JsonArray();
        foreach (var command in commands)
        {
            var options = new JsonArray();
            // Discord requires required options before optional ones.
            foreach (var arg in command.Args.OrderByDescending(a => a.Required))
            {
                var option = new JsonObject
                {
                    ["type"] = arg.Kind == CommandArgKind.Integer ? IntegerOption : StringOption,
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

                options.Add(option);
            }

            array.Add(new JsonObject
            {
                ["name"] = command.Name.ToLowerInvariant(),
                ["type"] = 1,
                ["description"] = Limit(command.Description, 100),
                ["options"] = options,
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

    private static string Limit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
