using System.Security.Cryptography;
using System.Text;
using AlertBot.Core.Feeds;

namespace AlertBot.Core.Pipeline;

/// <summary>What makes two feed items the same article: guid/id, else the link, else a hash of title and date.</summary>
public static class ArticleIdentity
{
    public static string Of(FeedItem item)
    {
        if (!string.IsNullOrWhiteSpace(item.Id)) return "id:" + item.Id.Trim();
        if (!string.IsNullOrWhiteSpace(item.Link)) return "link:" + CanonicalLink(item.Link);
        var basis = (item.Title ?? "").Trim() + "\n" + item.Published?.ToUniversalTime().ToString("O");
        return "hash:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis)))[..32];
    }

    /// <summary>Links differing only in scheme case, host case, fragment or a trailing slash are the same article.</summary>
    public static string CanonicalLink(string link)
    {
        if (!Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri)) return link.Trim();
        var builder = new UriBuilder(uri) { Fragment = "", Host = uri.Host.ToLowerInvariant() };
        if (builder.Path.Length > 1) builder.Path = builder.Path.TrimEnd('/');
        if (uri.IsDefaultPort) builder.Port = -1;
        return builder.Uri.ToString();
    }
}
