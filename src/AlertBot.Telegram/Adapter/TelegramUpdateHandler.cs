using System.Globalization;
using System.Text.Json;
using AlertBot.Core;
using AlertBot.Core.Chats;
using AlertBot.Core.Commands;
using AlertBot.Core.Delivery;
using AlertBot.Telegram.Client;
using AlertBot.Telegram.Formatting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace AlertBot.Telegram.Adapter;

/// <summary>
/// Translates one update into a <see cref="CommandRequest"/> for Core's <see cref="ICommandHandler"/>
/// and renders the reply. Holds no command logic. Updates it does not understand are ignored.
/// </summary>
public sealed class TelegramUpdateHandler(
    BotApiClient client,
    TelegramPlatform platform,
    ChatAdminCache admins,
    TelegramDocuments documents,
    IServiceScopeFactory scopes,
    ILogger<TelegramUpdateHandler> logger)
{
    private const int MaxCallbackAnswer = 200;

    /// <summary>The update kinds asked for; everything else is never sent to us.</summary>
    public static IReadOnlyList<UpdateType> AllowedUpdates { get; } = [UpdateType.Message, UpdateType.ChannelPost, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    /// <summary>
    /// Handles one raw update in isolation: malformed ones and failures are logged and skipped, so one
    /// bad update never blocks the queue. False only when shutting down mid-update: then the caller
    /// must not confirm it, and it comes back after a restart.
    /// </summary>
    public async Task<bool> HandleRawAsync(JsonElement raw, long updateId, string? botUsername, CancellationToken stoppingToken)
    {
        try
        {
            var update = raw.Deserialize<Update>(JsonBotAPI.Options);
            if (update is not null) await HandleAsync(update, botUsername, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
        catch (JsonException ex)
        {
            logger.LogWarning("Ignoring malformed Telegram update {UpdateId}: {Error}", updateId, ex.Message);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Handling Telegram update {UpdateId} failed; skipping it", updateId);
        }
        return true;
    }

    public async Task HandleAsync(Update update, string? botUsername, CancellationToken cancellationToken)
    {
        if (update.Message is { } message) await HandleMessageAsync(message, botUsername, cancellationToken);
        else if (update.ChannelPost is { } post) await HandleMessageAsync(post, botUsername, cancellationToken);
        else if (update.CallbackQuery is { } callback) await HandleCallbackAsync(callback, cancellationToken);
        else if (update.MyChatMember is { } mine) await HandleMemberChangeAsync(mine, cancellationToken);
        else if (update.ChatMember is { } other) admins.Invalidate(other.Chat.Id);
        // Edited messages and other kinds are deliberately ignored: re-running an edited command would surprise people.
    }

    private async Task HandleMessageAsync(Message message, string? botUsername, CancellationToken cancellationToken)
    {
        if (message.MigrateToChatId is { } newId)
        {
            await MoveChatAsync(message.Chat.Id, newId, cancellationToken);
            return;
        }
        // A command may also be the caption of a document (/topic import with its OPML file).
        var text = message.Text ?? message.Caption;
        if (string.IsNullOrWhiteSpace(text)) return;
        // Plain text goes to Core as a nameless request: it answers a hint in private chats, nothing in groups.
        var command = TelegramCommand.Parse(text, message.Text is null ? message.CaptionEntities : message.Entities, botUsername)
            ?? (text.StartsWith('/') ? null : new TelegramCommand("", "", Addressed: false));
        if (command is null) return;
        var name = command.Name == "start" ? "help" : command.Name; // the Start button of a private chat
        // In groups several bots share "/cmd": answer only our own commands, or ones addressed to us.
        if (message.Chat.Type != ChatType.Private && !command.Addressed && CommandCatalog.Find(name) is null) return;

        var isModerator = await admins.IsModeratorAsync(message.Chat, message.From, message.SenderChat, cancellationToken);
        var userId = message.From?.Id ?? message.SenderChat?.Id ?? message.Chat.Id;
        var request = CommandRequest.FromText(
            Target(message.Chat.Id),
            userId.ToString(CultureInfo.InvariantCulture),
            message.From?.DisplayName() ?? message.SenderChat?.Title ?? message.AuthorSignature,
            name,
            command.Arguments,
            message.Chat.Type == ChatType.Private,
            isModerator) with { Attachment = documents.For(message) };

        var reply = await RunAsync(request, cancellationToken);
        if (reply.IsNone) return;
        await SendReplyAsync(message.Chat.Id, reply, message.MessageThreadId, name, cancellationToken);
    }

    private async Task SendReplyAsync(long chatId, CommandReply reply, int? threadId, string command, CancellationToken cancellationToken)
    {
        try
        {
            await platform.SendTextAsync(chatId, reply.Text, threadId, ReplyKeyboard.For(reply.Actions), cancellationToken);
            if (reply.File is { } file) await platform.SendFileAsync(chatId, file, threadId, cancellationToken);
        }
        catch (RequestException ex)
        {
            logger.LogWarning(ex, "Could not send the reply to /{Command} in chat {ChatId}", command, chatId);
        }
    }

    private async Task HandleCallbackAsync(CallbackQuery callback, CancellationToken cancellationToken)
    {
        var subscriptionId = AlertRenderer.ParseUnsubscribe(callback.Data);
        var action = ReplyKeyboard.Parse(callback.Data);
        var chat = callback.Message?.Chat;
        string answer;
        if (subscriptionId is null && action is null || chat is null || chat.Id == 0)
        {
            answer = "This button is no longer valid.";
        }
        else
        {
            // A button press always comes from the real user, never anonymously: check that user. A reply's button
            // runs its command line as if this user typed it, with this user's rights.
            var isModerator = await admins.IsModeratorAsync(chat, callback.From, senderChat: null, cancellationToken);
            var userId = callback.From.Id.ToString(CultureInfo.InvariantCulture);
            var (name, arguments) = action?.Split() ?? ("unsubscribe", "");
            var request = action is null
                ? new CommandRequest(Target(chat.Id), userId, callback.From.DisplayName(), "unsubscribe",
                    CommandArguments.Of(("id", subscriptionId!.Value)), chat.Type == ChatType.Private, isModerator)
                : CommandRequest.FromText(Target(chat.Id), userId, callback.From.DisplayName(), name, arguments, chat.Type == ChatType.Private, isModerator);
            var reply = await RunAsync(request, cancellationToken);
            answer = reply.Text;
            // A reply too long for the little notice Telegram shows goes to the chat as a message.
            if (action is not null && !reply.IsError && reply.Text.Length > MaxCallbackAnswer)
            {
                answer = "Done.";
                await SendReplyAsync(chat.Id, reply, callback.Message?.MessageThreadId, name, cancellationToken);
            }
        }
        try
        {
            await client.AnswerCallbackQuery(callback.Id, TelegramHtml.Truncate(answer, MaxCallbackAnswer), cancellationToken: cancellationToken);
        }
        catch (RequestException ex)
        {
            // Typically "query is too old": the press is still handled.
            logger.LogDebug(ex, "answerCallbackQuery failed for {CallbackId}", callback.Id);
        }
    }

    /// <summary>
    /// my_chat_member about the bot itself: kicked from a group or blocked in a private chat means the
    /// chat is gone, so it is disabled now instead of after the next alert bounces. Re-adding the bot
    /// and subscribing again re-enables it.
    /// </summary>
    private async Task HandleMemberChangeAsync(ChatMemberUpdated changed, CancellationToken cancellationToken)
    {
        admins.Invalidate(changed.Chat.Id);
        if (changed.NewChatMember is not { Status: ChatMemberStatus.Kicked or ChatMemberStatus.Left } member || !member.User.IsBot) return;
        var status = member.Status.ToString().ToLowerInvariant();
        logger.LogInformation("The bot is now {Status} in Telegram chat {ChatId}; disabling it", status, changed.Chat.Id);
        using var scope = scopes.CreateScope();
        if (scope.ServiceProvider.GetService<ChatLifecycle>() is { } chats)
            await chats.DisableAsync(Target(changed.Chat.Id), $"bot {status} (my_chat_member)", cancellationToken);
    }

    /// <summary>
    /// The old group's service message says it became a supergroup: its subscriptions follow now,
    /// before an alert has to bounce off the old id first.
    /// </summary>
    private async Task MoveChatAsync(long oldChatId, long newChatId, CancellationToken cancellationToken)
    {
        logger.LogInformation("Telegram chat {OldChatId} was upgraded to supergroup {NewChatId}; moving its subscriptions", oldChatId, newChatId);
        admins.Invalidate(oldChatId);
        using var scope = scopes.CreateScope();
        if (scope.ServiceProvider.GetService<ChatLifecycle>() is { } chats)
            await chats.MoveAsync(Target(oldChatId), newChatId.ToString(CultureInfo.InvariantCulture), cancellationToken);
    }

    private async Task<CommandReply> RunAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var handler = scope.ServiceProvider.GetRequiredService<ICommandHandler>();
        return await handler.HandleAsync(request, cancellationToken);
    }

    private static ChatTarget Target(long chatId) => new(TelegramPlatform.PlatformName, chatId.ToString(CultureInfo.InvariantCulture));
}
