using System.Text.Json;

namespace AlertBot.Tests.Feeds.Conformance;

/// <summary>
/// Corpus expectations that encode a library policy we deliberately do not share. They are scored and printed
/// on their own line, never counted toward a target, and the parser is not bent to meet them.
/// </summary>
internal static class ExcludedPolicies
{
    public static readonly IReadOnlyList<(string Name, string Why)> List =
    [
        ("feedparser wellformed/sanitize (745 cases)",
            "HTML sanitisation: feedparser rewrites content HTML to a whitelist. AlertBot sends plain text (summary is tag-free) and never renders feed HTML, so it keeps content as the feed gave it."),
        ("RFC 3023 charset defaults (text/* without charset = us-ascii)",
            "Superseded by RFC 7303: we honour the BOM, then the HTTP charset, then the XML declaration. Encoding-name and bozo assertions in cases served as text/* without a charset are not scored."),
        ("DTD-declared entities (still scored, e.g. wellformed/rss/entity_in_doctype.xml)",
            "Security policy: no DTD is ever processed, so an entity declared in an internal subset stays literal text. feedparser expands it."),
        ("Microsoft CDF channels (still scored, wellformed/cdf)",
            "The obsolete Channel Definition Format is not a feed format we read; its 10 assertions count as failures."),
        ("feedparser bozo flag under the loose parser",
            "feedparser's 'bozo' marks any recovery; ours is the Warnings list. Agreement is printed as malformed-input detection, not scored as a field."),
    ];

    public static bool IsSanitize(string file) => file.Contains("/wellformed/sanitize/", StringComparison.Ordinal);

    public static bool IsRfc3023Charset(JsonElement record)
    {
        if (!record.TryGetProperty("http_headers", out var headers) || headers.ValueKind != JsonValueKind.Object) return false;
        foreach (var h in headers.EnumerateObject())
        {
            if (!h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) continue;
            var value = h.Value.GetString() ?? "";
            return value.TrimStart().StartsWith("text/", StringComparison.OrdinalIgnoreCase)
                && !value.Contains("charset=", StringComparison.OrdinalIgnoreCase);
        }
        return false;
    }
}
