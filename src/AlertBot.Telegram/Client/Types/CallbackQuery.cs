namespace AlertBot.Telegram.Client.Types;

/// <summary>An inline button press. <see cref="From"/> is always the real user, never anonymous.</summary>
public sealed class CallbackQuery
{
    public string Id { get; set; } = "";
    public User From { get; set; } = new();
    /// <summary>The message with the button; for an old or deleted one only chat and message_id are filled.</summary>
    public Message? Message { get; set; }
    public string? Data { get; set; }
}
