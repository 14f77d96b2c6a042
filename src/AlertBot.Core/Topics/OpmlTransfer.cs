using System.Text;
using AlertBot.Core.Feeds;
using AlertBot.Core.Storage;

namespace AlertBot.Core.Topics;

/// <summary>
/// Imports an OPML list into a topic, from its text or from an http(s) URL fetched through the guarded fetcher. Only
/// http(s) feeds are taken (never <c>file:</c>), up to the topic's feed limit; feeds other topics use are shared.
/// </summary>
public sealed class OpmlTransfer(IFeedFetcher fetcher, SourceStore sources, TimeProvider time)
{
    /// <param name="value">OPML text, or the http(s) URL of an OPML document.</param>
    public async Task<OpmlImportResult> ImportAsync(string topicId, string value, string? addedBy, int maxFeeds, CancellationToken ct)
    {
        var text = value.Trim();
        if (text.Length == 0) return OpmlImportResult.Failed("give an OPML URL, or attach an OPML file");
        if (!text.StartsWith('<'))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                return OpmlImportResult.Failed("an OPML list is imported from an http(s) URL or an attached file");
            var fetched = await fetcher.FetchAsync(new FetchRequest(uri), ct);
            if (fetched is not FetchResult.Fetched body) return OpmlImportResult.Failed(fetched is FetchResult.Failed f ? f.Error : "the server sent no content");
            text = Encoding.UTF8.GetString(body.Body);
        }
        var (feeds, error) = Opml.Read(text);
        if (feeds is null) return OpmlImportResult.Failed(error!);

        var have = (await sources.ForTopicAsync(topicId, ct)).Count;
        List<long> added = [];
        List<string> refused = [];
        var known = 0;
        foreach (var feed in feeds)
        {
            if (!Uri.TryCreate(feed.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                refused.Add(feed.Url + " (not http or https)");
                continue;
            }
            if (have + added.Count >= maxFeeds)
            {
                refused.Add(feed.Url + " (the topic has its most feeds)");
                continue;
            }
            var (id, already) = await sources.AddToTopicAsync(topicId, feed.Url, feed.Title, addedBy, time.GetUtcNow(), ct);
            if (already) known++;
            else added.Add(id);
        }
        return new OpmlImportResult(added, known, refused, null);
    }
}
