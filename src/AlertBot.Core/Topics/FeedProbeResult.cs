namespace AlertBot.Core.Topics;

/// <summary>What fetching a typed URL found.</summary>
public abstract record FeedProbeResult
{
    /// <param name="Url">The feed's normalised URL.</param>
    public sealed record Found(string Url, string? Title, int ItemCount, string? NewestTitle, DateTimeOffset? NewestPublished) : FeedProbeResult;

    /// <summary>A web page that announces these feeds (&lt;link rel="alternate"&gt;).</summary>
    public sealed record Page(IReadOnlyList<string> Feeds) : FeedProbeResult;

    public sealed record Problem(string Error) : FeedProbeResult;
}
