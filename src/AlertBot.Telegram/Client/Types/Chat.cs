namespace AlertBot.Telegram.Client.Types;

public sealed class Chat
{
    public long Id { get; set; }
    /// <summary>private, group, supergroup or channel.</summary>
    public string Type { get; set; } = "";
    public string? Title { get; set; }
    public string? Username { get; set; }

    public bool IsPrivate => Type == "private";
}
