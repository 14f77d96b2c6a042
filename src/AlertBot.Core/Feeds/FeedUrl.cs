namespace AlertBot.Core.Feeds;

/// <summary>
/// A feed's identity: its URL normalised so that one feed typed two ways is stored, fetched and backed off once. Scheme
/// and host are lower-cased, the default port, the fragment and tracking parameters (utm_*, fbclid, gclid …) dropped;
/// path and the remaining query are kept as written (servers may treat them case-sensitively).
/// </summary>
public static class FeedUrl
{
    private static readonly HashSet<string> s_tracking = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "yclid", "igshid", "_hsenc", "_hsmi", "mkt_tok", "ref_src",
    };

    /// <summary>The normalised text of an absolute URL; other text (a relative path, garbage) is returned trimmed.</summary>
    public static string Normalise(string url)
    {
        var text = url.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.IsFile || uri.Host.Length == 0) return text;
        var builder = new UriBuilder(uri)
        {
            Scheme = uri.Scheme.ToLowerInvariant(),
            Host = uri.Host.ToLowerInvariant(),
            Fragment = "",
            Query = CleanQuery(uri.Query),
        };
        if (uri.IsDefaultPort) builder.Port = -1;
        return builder.Uri.AbsoluteUri;
    }

    /// <summary>True for query parameters that only say where a click came from.</summary>
    public static bool IsTracking(string name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || s_tracking.Contains(name);

    private static string CleanQuery(string query)
    {
        if (query.Length <= 1) return "";
        var kept = query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsTracking(Uri.UnescapeDataString(pair.Split('=', 2)[0])));
        return string.Join('&', kept);
    }
}
