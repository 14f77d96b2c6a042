using AlertBot.Core.Text;

namespace AlertBot.Core.Feeds.Parsing;

/// <summary>Finds the feeds an HTML page announces with &lt;link rel="alternate" type="application/rss+xml" href="…"&gt;.</summary>
internal static class HtmlFeedDiscovery
{
    private static readonly string[] FeedTypes =
        ["application/rss+xml", "application/atom+xml", "application/feed+json", "application/json", "application/rdf+xml", "text/xml", "application/xml"];

    public static List<string> Discover(string html, Uri? pageUrl)
    {
        var found = new List<string>();
        var baseUri = pageUrl;
        var i = 0;
        while (found.Count < 20)
        {
            var at = html.IndexOf('<', i);
            if (at < 0 || at + 5 >= html.Length) break;
            i = at + 1;
            var isLink = html.AsSpan(at + 1).StartsWith("link", StringComparison.OrdinalIgnoreCase) && !char.IsAsciiLetter(html[at + 5]);
            var isBase = html.AsSpan(at + 1).StartsWith("base", StringComparison.OrdinalIgnoreCase) && !char.IsAsciiLetter(html[at + 5]);
            if (!isLink && !isBase) continue;
            var end = html.IndexOf('>', at);
            if (end < 0) break;
            var attributes = Attributes(html.AsSpan(at + 5, end - at - 5));
            i = end + 1;
            var href = attributes.GetValueOrDefault("href");
            if (href is null) continue;
            if (isBase)
            {
                if (Uri.TryCreate(baseUri, href, out var b)) baseUri = b;
                continue;
            }
            var rel = attributes.GetValueOrDefault("rel") ?? "";
            var type = attributes.GetValueOrDefault("type")?.Trim().ToLowerInvariant() ?? "";
            if (!rel.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("alternate", StringComparer.OrdinalIgnoreCase)) continue;
            if (!FeedTypes.Contains(type)) continue;
            var url = baseUri is not null && Uri.TryCreate(baseUri, href, out var abs) ? abs.AbsoluteUri : href;
            if (!found.Contains(url)) found.Add(url);
        }
        return found;
    }

    private static Dictionary<string, string> Attributes(ReadOnlySpan<char> tag)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < tag.Length)
        {
            while (i < tag.Length && (char.IsWhiteSpace(tag[i]) || tag[i] == '/')) i++;
            var nameStart = i;
            while (i < tag.Length && !char.IsWhiteSpace(tag[i]) && tag[i] is not ('=' or '/')) i++;
            var name = tag[nameStart..i].ToString();
            while (i < tag.Length && char.IsWhiteSpace(tag[i])) i++;
            if (i >= tag.Length || tag[i] != '=') { if (name.Length > 0) result.TryAdd(name, ""); continue; }
            i++;
            while (i < tag.Length && char.IsWhiteSpace(tag[i])) i++;
            string value;
            if (i < tag.Length && tag[i] is '"' or '\'')
            {
                var quote = tag[i];
                var close = tag[(i + 1)..].IndexOf(quote);
                var stop = close < 0 ? tag.Length : i + 1 + close;
                value = tag[(i + 1)..stop].ToString();
                i = stop + 1;
            }
            else
            {
                var start = i;
                while (i < tag.Length && !char.IsWhiteSpace(tag[i])) i++;
                value = tag[start..i].ToString();
            }
            if (name.Length > 0) result.TryAdd(name, XmlEntities.Decode(value));
        }
        return result;
    }
}
