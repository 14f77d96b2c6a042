namespace AlertBot.Core.Feeds.Parsing;

/// <summary>Only http(s) (and file, for local demo feeds) may serve as a base or come out as a link.</summary>
internal static class UrlSafety
{
    public static bool IsWebOrFile(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeFile;

    /// <summary>Script-bearing schemes a feed could use to smuggle code into a link.</summary>
    public static bool IsDangerous(string url)
    {
        var s = url.AsSpan().TrimStart();
        return s.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || s.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase)
            || s.StartsWith("data:", StringComparison.OrdinalIgnoreCase);
    }
}
