using System.Text.Json;
using AlertBot.Core.Feeds;

namespace AlertBot.Tests.Feeds.Conformance;

/// <summary>Maps a feedparser result path (aliases already folded by the corpus) onto our model; null = not in our model.</summary>
internal static class FeedparserPaths
{
    public static Probe? Resolve(JsonElement path, FeedParseResult result)
    {
        var parts = path.EnumerateArray().Select(p => p.ValueKind == JsonValueKind.Number ? p.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : p.GetString()!).ToArray();
        var feed = result.Feed;
        if (parts is ["encoding"]) return new Probe(ProbeKind.Encoding, feed?.Encoding);
        if (parts is ["version"]) return new Probe(ProbeKind.Version, feed is null ? null : Probe.FeedparserVersion(feed));
        if (parts is ["entries"]) return new Probe(ProbeKind.Count, feed?.Items.Count ?? 0);
        if (parts.Length >= 2 && parts[0] == "feed") return FeedPath(parts[1..], feed);
        if (parts.Length >= 3 && parts[0] == "entries" && int.TryParse(parts[1], out var index))
        {
            var item = feed is not null && index < feed.Items.Count ? feed.Items[index] : null;
            return ItemPath(parts[2..], item);
        }
        return null;
    }

    private static Probe? FeedPath(string[] p, Feed? f) => p switch
    {
        ["title"] or ["title_detail", "value"] => new(ProbeKind.Plain, f?.Title),
        ["subtitle"] or ["subtitle_detail", "value"] => new(ProbeKind.Plain, f?.Description),
        ["link"] => new(ProbeKind.Url, f?.Link),
        ["author"] => new(ProbeKind.Plain, FeedparserAuthor(f?.Author, f?.AuthorEmail)),
        ["author_detail", "name"] => new(ProbeKind.Plain, f?.Author == f?.AuthorEmail ? null : f?.Author),
        ["author_detail", "email"] => new(ProbeKind.Exact, f?.AuthorEmail),
        ["updated_parsed"] => new(ProbeKind.Date, f?.Updated),
        ["published_parsed"] => new(ProbeKind.Date, f?.Published),
        ["language"] => new(ProbeKind.Exact, f?.Language),
        ["tags", var i, "term"] => new(ProbeKind.Plain, At(f?.Categories, i)),
        ["category"] => new(ProbeKind.Plain, At(f?.Categories, "0")),
        _ => null,
    };

    private static Probe? ItemPath(string[] p, FeedItem? e) => p switch
    {
        ["title"] or ["title_detail", "value"] => new(ProbeKind.Plain, e?.Title),
        ["link"] => new(ProbeKind.Url, e?.Link),
        ["id"] => new(ProbeKind.Exact, e?.Id),
        ["summary"] or ["summary_detail", "value"] => new(ProbeKind.Plain, e?.Summary),
        ["content", "0", "value"] => new(ProbeKind.Text, e?.Content),
        ["author"] => new(ProbeKind.Plain, FeedparserAuthor(e?.Author, e?.AuthorEmail)),
        ["author_detail", "name"] => new(ProbeKind.Plain, e?.Author == e?.AuthorEmail ? null : e?.Author),
        ["author_detail", "email"] => new(ProbeKind.Exact, e?.AuthorEmail),
        ["published_parsed"] => new(ProbeKind.Date, e?.Published),
        ["updated_parsed"] => new(ProbeKind.Date, e?.Updated),
        ["tags", var i, "term"] => new(ProbeKind.Plain, At(e?.Categories, i)),
        ["category"] => new(ProbeKind.Plain, At(e?.Categories, "0")),
        ["enclosures", var i, "href"] => new(ProbeKind.Url, Enclosure(e, i)?.Url),
        ["enclosures", var i, "type"] => new(ProbeKind.Exact, Enclosure(e, i)?.Type),
        ["enclosures", var i, "length"] => new(ProbeKind.Exact, Enclosure(e, i)?.Length?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        _ => null,
    };

    /// <summary>feedparser's flat author string is "Name (email)" when both are known.</summary>
    private static string? FeedparserAuthor(string? name, string? email) =>
        name is not null && email is not null && name != email ? $"{name} ({email})" : name ?? email;

    private static string? At(IReadOnlyList<string>? list, string index) =>
        list is not null && int.TryParse(index, out var i) && i < list.Count ? list[i] : null;

    private static FeedEnclosure? Enclosure(FeedItem? e, string index) =>
        e is not null && int.TryParse(index, out var i) && i < e.Enclosures.Count ? e.Enclosures[i] : null;
}
