namespace AlertBot.Core.Feeds.Parsing;

/// <summary>What Media RSS says about one item.</summary>
internal sealed class MediaInfo
{
    public List<FeedEnclosure> Enclosures { get; } = [];
    public List<string> Categories { get; } = [];
    public string? Image { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
}
