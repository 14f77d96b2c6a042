namespace AlertBot.Telegram.Client.Types;

/// <summary>A member's status in a chat: creator, administrator, member, restricted, left or kicked.</summary>
public sealed class ChatMember
{
    public string Status { get; set; } = "";
    public User User { get; set; } = new();
    public bool? IsAnonymous { get; set; }

    public bool IsAdministrator => Status is "creator" or "administrator";
}

/// <summary>my_chat_member / chat_member: someone's status changed (the bot added, removed, blocked).</summary>
public sealed class ChatMemberUpdated
{
    public Chat Chat { get; set; } = new();
    public User From { get; set; } = new();
    public ChatMember? OldChatMember { get; set; }
    public ChatMember? NewChatMember { get; set; }
}
