namespace AlertBot.Telegram.Client.Types;

public sealed record InlineKeyboardMarkup(IReadOnlyList<IReadOnlyList<InlineKeyboardButton>> InlineKeyboard);

/// <summary>A button with exactly one action; we only use callback_data (1-64 UTF-8 bytes) and url.</summary>
public sealed record InlineKeyboardButton(string Text, string? CallbackData = null, string? Url = null);

public sealed record LinkPreviewOptions(bool? IsDisabled = null, string? Url = null, bool? PreferSmallMedia = null);

public sealed record BotCommand(string Command, string Description);

/// <summary>Which users see a command list: "default", "all_private_chats", "all_group_chats", "all_chat_administrators", ...</summary>
public sealed record BotCommandScope(string Type, long? ChatId = null);

public sealed class WebhookInfo
{
    public string Url { get; set; } = "";
    public int PendingUpdateCount { get; set; }
}
