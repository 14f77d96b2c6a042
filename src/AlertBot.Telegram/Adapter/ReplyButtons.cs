using System.Text;
using AlertBot.Core.Commands;
using Telegram.Bot.Types.ReplyMarkups;

namespace AlertBot.Telegram.Adapter;

/// <summary>
/// A command reply's extras on Telegram: its confirm button as an inline button whose callback data is the command
/// ("cmd:topic remove flood confirm", at most 64 bytes as Telegram allows), and an attached file sent as text after the reply.
/// </summary>
internal static class ReplyButtons
{
    private const string Prefix = "cmd:";
    private const int MaxCallbackBytes = 64;

    public static InlineKeyboardMarkup? Keyboard(CommandReply reply) =>
        reply.Confirm is { } confirm && Encoding.UTF8.GetByteCount(Prefix + confirm.Command) <= MaxCallbackBytes
            ? new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData(confirm.Label, Prefix + confirm.Command))
            : null;

    /// <summary>The command line a button carries, or null for other callback data.</summary>
    public static string? ParseCommand(string? data) =>
        data is not null && data.StartsWith(Prefix, StringComparison.Ordinal) && data.Length > Prefix.Length ? data[Prefix.Length..].Trim() : null;

    /// <summary>The reply text, with an attached file's text after it (the bot sends no documents yet).</summary>
    public static string TextOf(CommandReply reply) =>
        reply.File is { } file ? $"{reply.Text}\n\n{file.Name}:\n{file.Content}" : reply.Text;
}
