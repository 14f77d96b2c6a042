namespace AlertBot.Core.Topics;

/// <summary>Configuration section "Topics".</summary>
public sealed class TopicsOptions
{
    public const string Section = "Topics";

    /// <summary>JSON file the topics are seeded from on the first start of a database.</summary>
    public string File { get; set; } = "config/topics.json";
}
