namespace AlertBot.Telegram.Client.Types;

public sealed class Message
{
    public long MessageId { get; set; }
    public long? MessageThreadId { get; set; }
    public User? From { get; set; }
    public Chat? SenderChat { get; set; }
    public long Date { get; set; }
    public Chat Chat { get; set; } = new();
    public string? Text { get; set; }
    public IReadOnlyList<MessageEntity>? Entities { get; set; }
    public string? AuthorSignature { get; set; }
    public bool? IsAutomaticForward { get; set; }
    /// <summary>Service message in the old group: it became this supergroup.</summary>
    public long? MigrateToChatId { get; set; }
    /// <summary>Service message in the new supergroup: it was this group.</summary>
    public long? MigrateFromChatId { get; set; }
}
