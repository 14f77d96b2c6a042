namespace AlertBot.Core.Chats;

/// <summary>Limits that protect the host from one chat (section <c>Limits</c>).</summary>
public sealed class ChatLimitsOptions
{
    public const string Section = "Limits";

    /// <summary>How many subscriptions one chat (channel, group or direct message) may have.</summary>
    public int SubscriptionsPerChat { get; set; } = 50;

    /// <summary>How many topics of its own one community (Discord server, Telegram chat) may have.</summary>
    public int TopicsPerCommunity { get; set; } = 20;

    /// <summary>How many feeds one topic may use.</summary>
    public int FeedsPerTopic { get; set; } = 50;

    /// <summary>The shortest check interval a community topic may ask for; the operator's topics (topics.json) may go lower.</summary>
    public int MinCommunityIntervalSeconds { get; set; } = 300;
}
