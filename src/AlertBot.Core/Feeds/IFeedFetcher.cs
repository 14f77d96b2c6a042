namespace AlertBot.Core.Feeds;

/// <summary>Fetches a feed document over http(s) or from a file, with conditional-GET state.</summary>
public interface IFeedFetcher
{
    /// <summary>Never throws for network or server trouble: that is a <see cref="FetchResult.Failed"/>.</summary>
    Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken);
}

/// <param name="Url">http, https or file URL.</param>
/// <param name="ETag">Validator from the last 200 response, sent as If-None-Match.</param>
/// <param name="LastModified">Validator from the last 200 response, sent as If-Modified-Since.</param>
public sealed record FetchRequest(Uri Url, string? ETag = null, string? LastModified = null);

public abstract record FetchResult
{
    private FetchResult() { }

    /// <param name="FinalUrl">Where the body came from after redirects.</param>
    /// <param name="MovedPermanently">Every redirect on the way was permanent (301/308): the stored URL should become <paramref name="FinalUrl"/>.</param>
    public sealed record Fetched(byte[] Body, string? ContentType, string? ETag, string? LastModified, Uri FinalUrl, bool MovedPermanently = false) : FetchResult;

    /// <summary>304: nothing changed since the validators were issued.</summary>
    public sealed record NotModified : FetchResult
    {
        /// <summary>Where the 304 came from after redirects (null when not known).</summary>
        public Uri? FinalUrl { get; init; }
        /// <summary>As on <see cref="Fetched"/>: every redirect on the way was permanent.</summary>
        public bool MovedPermanently { get; init; }
    }

    /// <param name="Error">What went wrong, in words a moderator understands.</param>
    /// <param name="StatusCode">HTTP status when there was one.</param>
    /// <param name="RetryAfter">Server-requested wait (Retry-After on 429/503).</param>
    /// <param name="Permanent">The source should be disabled (410 Gone, refused address…).</param>
    public sealed record Failed(string Error, int? StatusCode = null, TimeSpan? RetryAfter = null, bool Permanent = false) : FetchResult;
}
