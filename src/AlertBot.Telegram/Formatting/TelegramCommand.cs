using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace AlertBot.Telegram.Formatting;

/// <summary>A command found in a message: name (lower case, no slash, no @bot) and the rest of the text.</summary>
/// <param name="Addressed">The command named this bot explicitly ("/cmd@ThisBot").</param>
public sealed record TelegramCommand(string Name, string Arguments, bool Addressed)
{
    /// <summary>
    /// Reads the bot_command entity at offset 0 (offsets are UTF-16 units, as .NET indexes strings).
    /// Returns null when there is none, when it is malformed, or when it names another bot.
    /// A text starting with '/' and carrying no entities at all is accepted too (forwarded text, test servers).
    /// </summary>
    public static TelegramCommand? Parse(string? text, IReadOnlyList<MessageEntity>? entities, string? botUsername)
    {
        if (string.IsNullOrEmpty(text)) return null;
        int length;
        if (entities is { Count: > 0 })
        {
            var entity = entities.FirstOrDefault(e => e.Type == MessageEntityType.BotCommand && e.Offset == 0);
            if (entity is null || entity.Length < 2 || entity.Length > text.Length) return null;
            length = entity.Length;
        }
        else
        {
            if (text[0] != '/') return null;
            length = text.AsSpan().IndexOfAny(' ', '\n', '\t');
            if (length < 0) length = text.Length;
        }

        var command = text[1..length];
        var at = command.IndexOf('@', StringComparison.Ordinal);
        var addressed = false;
        if (at >= 0)
        {
            var target = command[(at + 1)..];
            if (botUsername is null || !string.Equals(target, botUsername, StringComparison.OrdinalIgnoreCase)) return null;
            command = command[..at];
            addressed = true;
        }
        if (command.Length is 0 or > 32 || !command.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')) return null;
        return new TelegramCommand(command.ToLowerInvariant(), text[length..].Trim(), addressed);
    }
}
