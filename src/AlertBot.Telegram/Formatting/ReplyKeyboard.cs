using System.Text;
using AlertBot.Core.Commands;
using Telegram.Bot.Types.ReplyMarkups;

namespace AlertBot.Telegram.Formatting;

/// <summary>
/// A command reply's <see cref="ReplyAction"/>s as inline buttons. A button's callback data is "cmd:" and the command
/// line without its slash; pressing it runs that line as the presser, with the presser's rights. Pure.
/// </summary>
public static class ReplyKeyboard
{
    public const string CommandPrefix = "cmd:";
    private const int MaxCallbackDataBytes = 64;

    /// <summary>One button per action (those whose data would not fit 64 bytes are left out), or null for none.</summary>
    public static InlineKeyboardMarkup? For(IReadOnlyList<ReplyAction> actions)
    {
        var buttons = actions
            .Select(a => (a.Label, Data: CommandPrefix + a.Command.TrimStart('/')))
            .Where(b => Encoding.UTF8.GetByteCount(b.Data) <= MaxCallbackDataBytes)
            .Select(b => new[] { InlineKeyboardButton.WithCallbackData(TelegramHtml.Truncate(b.Label, 60), b.Data) })
            .ToList();
        return buttons.Count == 0 ? null : new InlineKeyboardMarkup(buttons);
    }

    /// <summary>The command line a "cmd:" button carries, or null for other data.</summary>
    public static ReplyAction? Parse(string? callbackData) =>
        callbackData is not null && callbackData.StartsWith(CommandPrefix, StringComparison.Ordinal) && callbackData.Length > CommandPrefix.Length
            ? new ReplyAction("", "/" + callbackData[CommandPrefix.Length..])
            : null;
}
