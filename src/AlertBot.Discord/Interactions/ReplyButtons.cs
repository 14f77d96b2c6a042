using System.Text.Json.Nodes;
using AlertBot.Core.Commands;

namespace AlertBot.Discord.Interactions;

/// <summary>
/// A command reply's <see cref="ReplyAction"/>s as message components: one action row of buttons whose custom_id is
/// "cmd:" and the command line without its slash. A press (MESSAGE_COMPONENT) runs that line as the presser. Pure.
/// </summary>
internal static class ReplyButtons
{
    public const string CommandPrefix = "cmd:";
    private const int ActionRow = 1;
    private const int Button = 2;
    private const int PrimaryStyle = 1;
    private const int CustomIdMax = 100;
    private const int LabelMax = 80;
    private const int ButtonsPerRow = 5;

    /// <summary>The components array for these actions, or null when there are none that fit.</summary>
    public static JsonArray? For(IReadOnlyList<ReplyAction> actions)
    {
        var buttons = actions
            .Select(a => (a.Label, Id: CommandPrefix + a.Command.TrimStart('/')))
            .Where(b => b.Id.Length <= CustomIdMax && b.Label.Length > 0)
            .Take(ButtonsPerRow)
            .Select(b => (JsonNode)new JsonObject
            {
                ["type"] = Button,
                ["style"] = PrimaryStyle,
                ["label"] = b.Label.Length <= LabelMax ? b.Label : b.Label[..(LabelMax - 1)] + "…",
                ["custom_id"] = b.Id,
            })
            .ToArray();
        return buttons.Length == 0 ? null : new JsonArray(new JsonObject { ["type"] = ActionRow, ["components"] = new JsonArray(buttons) });
    }

    /// <summary>The command line a "cmd:" button carries, or null for any other custom_id.</summary>
    public static ReplyAction? Parse(string? customId) =>
        customId is not null && customId.StartsWith(CommandPrefix, StringComparison.Ordinal) && customId.Length > CommandPrefix.Length
            ? new ReplyAction("", "/" + customId[CommandPrefix.Length..])
            : null;
}
