namespace AlertBot.Core.Storage;

/// <summary>A stored article as the stories stage reads it back.</summary>
public sealed record StoredReport
{
    public long ArticleId { get; init; }
    public long StoryId { get; init; }
    public string Title { get; init; } = "";
    public string Text { get; init; } = "";
    public DateTimeOffset? PublishedAt { get; init; }
    public DateTimeOffset FetchedAt { get; init; }
    public string? Outlet { get; init; }
    public string? Link { get; init; }
}
