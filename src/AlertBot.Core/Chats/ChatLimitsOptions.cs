namespace AlertBot.Core.Chats;

/// <summary>Limits that protect the host from one chat (section <c>Limits</c>).</summary>
public sealed class ChatLimitsOptions
{
    public const string Section = "Limits";

    /// <summary>How many subscriptions one chat (channel, group or direct message) may have.</summary>
    public int SubscriptionsPerChat { get; set; } = 50;
}
