namespace AlertBot.Core.Storage;

/// <summary>One story: when its first and latest reports came, the first report's title and how many reports it has.</summary>
public sealed record StoryRecord
{
    public long Id { get; init; }
    public DateTimeOffset FirstSeenAt { get; init; }
    public DateTimeOffset LastSeenAt { get; init; }
    public string Title { get; init; } = "";
    public long Reports { get; init; }
}
