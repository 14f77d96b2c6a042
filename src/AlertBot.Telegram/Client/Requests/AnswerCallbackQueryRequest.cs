namespace AlertBot.Telegram.Client.Requests;

/// <summary>Stops the client's spinner after a button press; text is 0-200 chars.</summary>
public sealed record AnswerCallbackQueryRequest(string CallbackQueryId, string? Text = null) : TelegramRequest<bool>("answerCallbackQuery");
