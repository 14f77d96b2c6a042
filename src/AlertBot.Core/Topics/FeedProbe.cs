using AlertBot.Core.Feeds;

namespace AlertBot.Core.Topics;

/// <summary>
/// Fetches a URL a moderator typed, once, before it becomes a feed: only http(s) (never <c>file:</c>, whatever
/// Fetch:AllowFileUrls says), through the same guarded fetcher as every check (the address guard applies to each hop).
/// A web page instead of a feed yields the feeds it announces, for the moderator to pick.
/// </summary>
public sealed class FeedProbe(IFeedFetcher fetcher)
{
    public async Task<FeedProbeResult> ProbeAsync(string typed, CancellationToken ct)
    {
        if (!Uri.TryCreate(typed.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return new FeedProbeResult.Problem("only http:// and https:// addresses can be added from chat");
        var fetched = await fetcher.FetchAsync(new FetchRequest(uri), ct);
        if (fetched is FetchResult.Failed failed) return new FeedProbeResult.Problem(failed.Error);
        if (fetched is not FetchResult.Fetched body) return new FeedProbeResult.Problem("the server sent no content");

        var parsed = FeedParser.Parse(body.Body, body.FinalUrl, body.ContentType);
        if (parsed.Feed is { } feed)
        {
            var newest = feed.Items.OrderByDescending(i => i.Published ?? DateTimeOffset.MinValue).FirstOrDefault();
            // A permanent redirect moves the feed for good; otherwise the address stays as typed.
            var url = FeedUrl.Normalise((body.MovedPermanently ? body.FinalUrl : uri).ToString());
            return new FeedProbeResult.Found(url, feed.Title, feed.Items.Count, newest?.Title, newest?.Published);
        }
        var announced = parsed.DiscoveredFeeds
            .Where(f => Uri.TryCreate(f, UriKind.Absolute, out var u) && u.Scheme is "http" or "https").Distinct(StringComparer.Ordinal).ToList();
        return announced.Count > 0
            ? new FeedProbeResult.Page(announced)
            : new FeedProbeResult.Problem(parsed.Error ?? "not a feed");
    }
}
