using System.Text;
using AlertBot.Core.Feeds;
using AlertBot.Core.Storage;

namespace AlertBot.Core.Topics;

/// <summary>
/// Imports an OPML list into a topic, from its text or from an http(s) URL fetched through the guarded fetcher. Only
/// http(s) feeds are taken (never <c>file:</c>), up to the topic's feed limit; feeds other topics use are shared.
/// An import is all or nothing: a document that is not OPML adds no feed, and the feeds taken are linked in one
/// transaction.
/// </summary>
public sealed class OpmlTransfer(IFeedFetcher fetcher, SourceStore sources, TimeProvider time)
{
    /// <summary>Largest OPML file read from a chat (a list of feeds, not a feed).</summary>
    public const long MaxFileBytes = Opml.MaxChars;

    /// <param name="value">OPML text, or the http(s) URL of an OPML document.</param>
    public async Task<OpmlImportResult> ImportAsync(string topicId, string value, string? addedBy, int maxFeeds, CancellationToken ct)
    {
        var text = value.Trim();
        if (text.Length == 0) return OpmlImportResult.Failed("give an OPML URL, or attach an OPML file");
        if (!text.StartsWith('<'))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                return OpmlImportResult.Failed("an OPML list is imported from an http(s) URL or an attached file");
            (var fetched, var error) = await FetchAsync(uri, ct);
            if (fetched is null) return OpmlImportResult.Failed(error!);
            text = fetched;
        }
        return await ImportTextAsync(topicId, text, addedBy, maxFeeds, ct);
    }

    /// <summary>An OPML document from an http(s) address (a URL typed, a Discord attachment), through the guarded fetcher.</summary>
    /// <returns>Its text, or null with why it could not be read.</returns>
    public async Task<(string? Text, string? Error)> FetchAsync(Uri url, CancellationToken ct)
    {
        if (url.Scheme is not ("http" or "https")) return (null, "an OPML list is read only from an http(s) address");
        var fetched = await fetcher.FetchAsync(new FetchRequest(url), ct);
        if (fetched is not FetchResult.Fetched body) return (null, fetched is FetchResult.Failed f ? f.Error : "the server sent no content");
        if (body.Body.LongLength > MaxFileBytes) return (null, $"the OPML document is larger than {MaxFileBytes / 1024} KiB");
        return (Encoding.UTF8.GetString(body.Body), null);
    }

    /// <summary>Reads <paramref name="text"/> as OPML and links its http(s) feeds to the topic, all in one transaction.</summary>
    public async Task<OpmlImportResult> ImportTextAsync(string topicId, string text, string? addedBy, int maxFeeds, CancellationToken ct)
    {
        var (feeds, error) = Opml.Read(text);
        if (feeds is null) return OpmlImportResult.Failed(error!);

        var have = (await sources.ForTopicAsync(topicId, ct)).Select(f => f.Url).ToHashSet(StringComparer.Ordinal);
        List<(string Url, string? Title)> taken = [];
        List<string> refused = [];
        var known = 0;
        foreach (var feed in feeds)
        {
            if (!Uri.TryCreate(feed.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                refused.Add(feed.Url + " (not http or https)");
                continue;
            }
            var normalised = FeedUrl.Normalise(feed.Url);
            if (have.Contains(normalised))
            {
                known++;
                continue;
            }
            if (have.Count >= maxFeeds)
            {
                refused.Add(feed.Url + " (the topic has its most feeds)");
                continue;
            }
            have.Add(normalised);
            taken.Add((feed.Url, feed.Title));
        }
        var added = await sources.AddManyToTopicAsync(topicId, taken, addedBy, time.GetUtcNow(), ct);
        return new OpmlImportResult(added, known, refused, null);
    }
}
