namespace AlertBot.Telegram.Client.Types;

/// <summary>One incoming update; at most one of the payload fields is set. Kinds we don't use are left out (and ignored).</summary>
public sealed class Update
{
    public long UpdateId { get; set; }
    public Message? Message { get; set; }
    public Message? EditedMessage { get; set; }
    public Message? ChannelPost { get; set; }
    public CallbackQuery? CallbackQuery { get; set; }
    public ChatMemberUpdated? MyChatMember { get; set; }
    public ChatMemberUpdated? ChatMember { get; set; }
}
