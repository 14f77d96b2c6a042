namespace AlertBot.Core.Feeds;

/// <summary>Either a feed (possibly recovered from malformed input, with warnings) or a clear error.</summary>
public sealed record FeedParseResult
{
    public Feed? Feed { get; init; }
    /// <summary>Why the document could not be read as a feed, in words a moderator understands.</summary>
    public string? Error { get; init; }
    /// <summary>Problems that were recovered from (unescaped '&amp;', truncated document…).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>When the document is an HTML page: the feeds it announces through &lt;link rel="alternate"&gt;.</summary>
    public IReadOnlyList<string> DiscoveredFeeds { get; init; } = [];

    public static FeedParseResult Ok(Feed feed, IReadOnlyList<string>? warnings = null) => new() { Feed = feed, Warnings = warnings ?? [] };
    public static FeedParseResult Fail(string error, IReadOnlyList<string>? discovered = null) => new() { Error = error, DiscoveredFeeds = discovered ?? [] };
}
