using Telegram.Bot.Types;

namespace AlertBot.Telegram.Formatting;

/// <summary>How a Telegram user is named in a <see cref="Core.Commands.CommandRequest"/>: "@username", else their name.</summary>
public static class TelegramNames
{
    public static string DisplayName(this User user) =>
        user.Username is { Length: > 0 } u ? "@" + u : (user.FirstName + " " + user.LastName).Trim();
}
