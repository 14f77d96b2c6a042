using AlertBot.Core.Commands;
using AlertBot.Telegram.Client;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace AlertBot.Telegram.Adapter;

/// <summary>
/// Publishes <see cref="CommandCatalog.All"/> as the bot's command menu: everyone sees the public
/// commands, chat administrators also see the moderator ones. Telegram's menu holds command names only, so a
/// command with subcommands names them in its description ("… — settings, set, pause, resume"); they are typed
/// after the command (<c>/channel set mode digest</c>). The menu is only a hint; the command handler checks rights itself.
/// </summary>
public sealed class CommandMenuPublisher(BotApiClient client)
{
    public static IReadOnlyList<BotCommand> Commands(bool includeModeratorCommands) =>
        CommandCatalog.All
            .Where(c => includeModeratorCommands || !c.ModeratorOnly)
            .Where(c => c.Name.Length is >= 1 and <= 32 && c.Name.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '_'))
            .Take(100)
            .Select(c => new BotCommand
            {
                Command = c.Name,
                Description = Formatting.TelegramHtml.Truncate(Describe(c), 256),
            })
            .ToList();

    private static string Describe(CommandSpec command)
    {
        var description = string.IsNullOrWhiteSpace(command.Description) ? command.Name : command.Description;
        return command.HasSubcommands ? description + " — " + string.Join(", ", command.Subcommands.Select(s => s.Name)) : description;
    }

    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        await client.SetMyCommands(Commands(false), new BotCommandScopeDefault(), cancellationToken: cancellationToken);
        await client.SetMyCommands(Commands(true), new BotCommandScopeAllChatAdministrators(), cancellationToken: cancellationToken);
    }
}
