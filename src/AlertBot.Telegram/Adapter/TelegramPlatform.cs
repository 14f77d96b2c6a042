using System.Globalization;
using AlertBot.Core;
using AlertBot.Core.Commands;
using AlertBot.Core.Delivery;
using AlertBot.Telegram.Client;
using AlertBot.Telegram.Formatting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace AlertBot.Telegram.Adapter;

/// <summary>The sending half of Telegram: alerts, notices and command replies, all in HTML with everything escaped.</summary>
public sealed class TelegramPlatform(BotApiClient client, TelegramConnection connection, IOptions<TelegramOptions> options, ILogger<TelegramPlatform> logger) : IChatPlatform
{
    public const string PlatformName = "telegram";

    public string Name => PlatformName;

    /// <summary>False once Telegram rejected the token: the outbox then keeps Telegram's rows instead of failing them.</summary>
    public bool IsAvailable => !connection.IsStopped;

    /// <summary>A user's private chat with the bot has the user's id (reachable once they have started the bot).</summary>
    public ChatTarget? DirectMessageTarget(string userId) => new(Name, userId);

    public async Task<DeliveryResult> SendAlertAsync(AlertMessage alert, CancellationToken cancellationToken)
    {
        if (!TryChatId(alert.Target, out var chatId)) return new DeliveryResult.Rejected($"'{alert.Target.ChatId}' is not a Telegram chat id");
        var rendered = AlertRenderer.Render(alert, options.Value.LinkPreviews && alert.ShowPreview);
        try
        {
            var sent = await client.SendMessage(chatId, rendered.Html, ParseMode.Html,
                replyMarkup: rendered.Keyboard, linkPreviewOptions: rendered.LinkPreview, cancellationToken: cancellationToken);
            return Delivered(sent.Id);
        }
        catch (Exception ex) when (DeliveryErrors.IsParseError(ex))
        {
            // Our escaping should make this impossible; if Telegram still disagrees, the alert goes out as plain text rather than not at all.
            logger.LogWarning(ex, "Telegram could not parse alert {OutboxId}; resending as plain text", alert.OutboxId);
            return await SendPlainAlertAsync(chatId, rendered, cancellationToken);
        }
        catch (RequestException ex)
        {
            return Failed(alert.Target, ex);
        }
    }

    /// <summary>editMessageText of the alert with the story as it stands now (an edit notifies nobody).</summary>
    public async Task<DeliveryResult> EditAlertAsync(AlertMessage alert, string messageId, CancellationToken cancellationToken)
    {
        if (!TryChatId(alert.Target, out var chatId)) return new DeliveryResult.Rejected($"'{alert.Target.ChatId}' is not a Telegram chat id");
        if (!int.TryParse(messageId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return new DeliveryResult.Rejected($"'{messageId}' is not a Telegram message id");
        var rendered = AlertRenderer.Render(alert, options.Value.LinkPreviews && alert.ShowPreview);
        try
        {
            await client.EditMessageText(chatId, id, rendered.Html, ParseMode.Html, replyMarkup: rendered.Keyboard,
                linkPreviewOptions: rendered.LinkPreview, cancellationToken: cancellationToken);
            return Delivered(id);
        }
        catch (RequestException ex)
        {
            return Failed(alert.Target, ex);
        }
    }

    /// <summary>A short text replying to the alert (reply_parameters), sent even if the alert was deleted.</summary>
    public async Task<DeliveryResult> SendReplyAsync(ChatTarget target, string text, string replyToMessageId, CancellationToken cancellationToken)
    {
        if (!TryChatId(target, out var chatId)) return new DeliveryResult.Rejected($"'{target.ChatId}' is not a Telegram chat id");
        var reply = int.TryParse(replyToMessageId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new ReplyParameters { MessageId = id, AllowSendingWithoutReply = true }
            : null;
        try
        {
            var sent = await client.SendMessage(chatId, TelegramHtml.Escape(TelegramHtml.BreakMentions(MessageSplitter.Split(text)[0])), ParseMode.Html,
                replyParameters: reply, linkPreviewOptions: NoPreview, cancellationToken: cancellationToken);
            return Delivered(sent.Id);
        }
        catch (RequestException ex)
        {
            return Failed(target, ex);
        }
    }

    public Task<DeliveryResult> SendNoticeAsync(ChatTarget target, string text, CancellationToken cancellationToken) =>
        SendTextAsync(target, text, NoPreview, cancellationToken);

    /// <summary>
    /// A digest. Telegram cannot drop a re-sent message, so the key is not used. Its first part previews the first story's
    /// link when both the channel (<c>previews on</c>) and the operator (<see cref="TelegramOptions.LinkPreviews"/>) allow
    /// previews, as alerts do; otherwise no part previews anything.
    /// </summary>
    public Task<DeliveryResult> SendDigestAsync(ChatTarget target, DigestText digest, string idempotencyKey, CancellationToken cancellationToken)
    {
        var href = options.Value.LinkPreviews && digest.LinkPreviews ? TelegramHtml.SafeHref(digest.PreviewLink) : null;
        var preview = href is null ? NoPreview : new LinkPreviewOptions { IsDisabled = false, Url = href, PreferSmallMedia = true };
        return SendTextAsync(target, digest.Text, preview, cancellationToken);
    }

    private async Task<DeliveryResult> SendTextAsync(ChatTarget target, string text, LinkPreviewOptions firstPreview, CancellationToken cancellationToken)
    {
        if (!TryChatId(target, out var chatId)) return new DeliveryResult.Rejected($"'{target.ChatId}' is not a Telegram chat id");
        try
        {
            var last = await SendTextAsync(chatId, text, threadId: null, keyboard: null, firstPreview, cancellationToken);
            return Delivered(last);
        }
        catch (RequestException ex)
        {
            return Failed(target, ex);
        }
    }

    /// <summary>Sends plain text (a command reply or notice) escaped as HTML, split on line boundaries; returns the last message id. Throws on failure.</summary>
    public Task<long?> SendTextAsync(long chatId, string text, int? threadId, CancellationToken cancellationToken) =>
        SendTextAsync(chatId, text, threadId, keyboard: null, cancellationToken);

    /// <summary>As <see cref="SendTextAsync(long, string, int?, CancellationToken)"/>, with buttons under the last part.</summary>
    public Task<long?> SendTextAsync(long chatId, string text, int? threadId, InlineKeyboardMarkup? keyboard, CancellationToken cancellationToken) =>
        SendTextAsync(chatId, text, threadId, keyboard, NoPreview, cancellationToken);

    /// <param name="firstPreview">The link preview of the first part; the other parts never preview.</param>
    private async Task<long?> SendTextAsync(long chatId, string text, int? threadId, InlineKeyboardMarkup? keyboard, LinkPreviewOptions firstPreview,
        CancellationToken cancellationToken)
    {
        long? last = null;
        var chunks = MessageSplitter.Split(TelegramHtml.BreakMentions(text));
        for (var i = 0; i < chunks.Count; i++)
        {
            var sent = await client.SendMessage(chatId, TelegramHtml.Escape(chunks[i]), ParseMode.Html,
                linkPreviewOptions: i == 0 ? firstPreview : NoPreview, messageThreadId: threadId, replyMarkup: i == chunks.Count - 1 ? keyboard : null,
                cancellationToken: cancellationToken);
            last = sent.Id;
        }
        return last;
    }

    /// <summary>Sends a reply's file as a document (an OPML export). Throws on failure.</summary>
    public async Task SendFileAsync(long chatId, ReplyFile file, int? threadId, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(file.Bytes());
        await client.SendDocument(chatId, InputFile.FromStream(content, file.Name), messageThreadId: threadId, cancellationToken: cancellationToken);
    }

    private async Task<DeliveryResult> SendPlainAlertAsync(long chatId, RenderedAlert rendered, CancellationToken cancellationToken)
    {
        try
        {
            var sent = await client.SendMessage(chatId, rendered.PlainText,
                replyMarkup: rendered.Keyboard, linkPreviewOptions: NoPreview, cancellationToken: cancellationToken);
            return Delivered(sent.Id);
        }
        catch (RequestException ex)
        {
            return DeliveryErrors.ToResult(ex);
        }
    }

    private static LinkPreviewOptions NoPreview => new() { IsDisabled = true };

    private DeliveryResult Failed(ChatTarget target, Exception ex)
    {
        var result = DeliveryErrors.ToResult(ex);
        logger.LogWarning(ex, "Telegram send to {Target} failed: {Outcome}", target, result.GetType().Name);
        return result;
    }

    private static DeliveryResult.Delivered Delivered(long? messageId) =>
        new(messageId?.ToString(CultureInfo.InvariantCulture));

    private static bool TryChatId(ChatTarget target, out long chatId) =>
        long.TryParse(target.ChatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out chatId);
}
