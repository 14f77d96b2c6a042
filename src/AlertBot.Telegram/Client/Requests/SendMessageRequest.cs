using AlertBot.Telegram.Client.Types;

namespace AlertBot.Telegram.Client.Requests;

public sealed record SendMessageRequest(long ChatId, string Text) : TelegramRequest<Message>("sendMessage"), IChatMessageRequest
{
    /// <summary>"HTML", or null for plain text.</summary>
    public string? ParseMode { get; init; }
    public LinkPreviewOptions? LinkPreviewOptions { get; init; }
    public InlineKeyboardMarkup? ReplyMarkup { get; init; }
    public long? MessageThreadId { get; init; }
    public bool? DisableNotification { get; init; }
}
