using AlertBot.Core.Feeds;

namespace AlertBot.Tests.Feeds.Conformance;

/// <summary>A value read from our model for one corpus assertion, and how to compare it.</summary>
internal sealed record Probe(ProbeKind Kind, object? Actual)
{
    public string? Text => Actual switch
    {
        null => null,
        string s => s,
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(Actual, System.Globalization.CultureInfo.InvariantCulture),
    };

    public bool IsEmpty => Actual is null || Actual is string { Length: 0 } || Actual is 0;

    public (bool Normalised, bool Exact) Equal(string? expected) => Kind switch
    {
        // The expected value may be HTML (feedparser's policy) or plain text that mentions a tag: either reading counts.
        ProbeKind.Plain => (Normalise.Plain(Text) == Normalise.Text(expected) || Normalise.Plain(Text) == Normalise.Plain(expected), Text == expected),
        ProbeKind.Text => (Normalise.Text(Text) == Normalise.Text(expected) || Normalise.Text(Text) == Normalise.Plain(expected), Text == expected),
        ProbeKind.Url or ProbeKind.Exact => (Normalise.Url(Text) == Normalise.Url(expected), Text == expected),
        ProbeKind.Encoding => (Normalise.Encoding(Text) == Normalise.Encoding(expected), string.Equals(Text, expected, StringComparison.OrdinalIgnoreCase)),
        ProbeKind.Version => (VersionMatches(Text, expected), VersionMatches(Text, expected)),
        _ => (Text == expected, Text == expected),
    };

    /// <summary>feedparser names versions "rss20", "rss091u", "atom10"…; ours are format + version.</summary>
    private static bool VersionMatches(string? ours, string? theirs) =>
        theirs is not null && ours is not null && (theirs == ours || theirs.StartsWith(ours, StringComparison.Ordinal) && ours.Length >= 5);

    public static string FeedparserVersion(Feed feed) => (feed.Format, feed.Version) switch
    {
        (FeedFormat.Atom, "0.3") => "atom03",
        (FeedFormat.Atom, _) => "atom10",
        (FeedFormat.Rdf, "0.9") => "rss090",
        (FeedFormat.Rdf, _) => "rss10",
        (FeedFormat.Json, var v) => "json" + v?.Replace(".", "", StringComparison.Ordinal),
        (_, var v) => "rss" + (v ?? "").Replace(".", "", StringComparison.Ordinal),
    };
}
