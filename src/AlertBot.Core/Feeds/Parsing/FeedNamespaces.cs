namespace AlertBot.Core.Feeds.Parsing;

/// <summary>Namespace URIs feeds use, with the spelling variants seen in the wild folded onto one.</summary>
internal static class FeedNamespaces
{
    public const string Atom10 = "http://www.w3.org/2005/Atom";
    public const string Atom03 = "http://purl.org/atom/ns#";
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Rss10 = "http://purl.org/rss/1.0/";
    public const string Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    public const string Dc = "http://purl.org/dc/elements/1.1/";
    public const string DcTerms = "http://purl.org/dc/terms/";
    public const string Content = "http://purl.org/rss/1.0/modules/content/";
    public const string Media = "http://search.yahoo.com/mrss/";
    public const string Itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    public const string Xhtml = "http://www.w3.org/1999/xhtml";

    private static readonly Dictionary<string, string> Variants = new(StringComparer.OrdinalIgnoreCase)
    {
        [Atom10] = Atom10, ["http://www.w3.org/2005/Atom/"] = Atom10,
        [Atom03] = Atom03, ["http://purl.org/atom/ns"] = Atom03,
        [Rdf] = Rdf, [Rss10] = Rss10, ["http://purl.org/rss/1.0"] = Rss10,
        [Rss090] = Rss090, ["http://my.netscape.com/rdf/simple/0.9"] = Rss090, ["http://channel.netscape.com/rdf/simple/0.9/"] = Rss090,
        ["http://backend.userland.com/rss2"] = "", ["http://blogs.law.harvard.edu/tech/rss"] = "", ["http://backend.userland.com/rss"] = "",
        [Dc] = Dc, ["http://purl.org/dc/elements/1.0/"] = Dc, ["http://purl.org/dc/elements/1.1"] = Dc,
        [DcTerms] = DcTerms, ["http://purl.org/dc/terms"] = DcTerms,
        [Content] = Content, ["http://purl.org/rss/1.0/modules/content"] = Content,
        [Media] = Media, ["http://search.yahoo.com/mrss"] = Media, ["http://video.search.yahoo.com/mrss"] = Media, ["http://video.search.yahoo.com/mrss/"] = Media,
        [Itunes] = Itunes, ["http://www.itunes.com/dtds/podcast-1.0.dtd/"] = Itunes,
        [Xhtml] = Xhtml,
    };

    private static readonly Dictionary<string, string> WellKnownPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["atom"] = Atom10, ["rdf"] = Rdf, ["dc"] = Dc, ["dcterms"] = DcTerms, ["content"] = Content,
        ["media"] = Media, ["itunes"] = Itunes, ["xhtml"] = Xhtml,
    };

    /// <summary>Canonical spelling; "" for RSS 2.0's historical namespaces, which mean plain RSS; null stays null.</summary>
    public static string? Canonical(string? uri) =>
        uri is null ? null : Variants.TryGetValue(uri, out var canonical) ? (canonical.Length == 0 ? null : canonical) : uri;

    /// <summary>A prefix used without a declaration (a common mistake) still means what everyone means by it.</summary>
    public static string? ForUndeclaredPrefix(string prefix) => WellKnownPrefixes.GetValueOrDefault(prefix);

    /// <summary>RSS core elements live in no namespace (0.9x/2.0) or in RSS 1.0's or Netscape 0.90's.</summary>
    public static bool IsRssCore(string? ns) => ns is null or Rss10 or Rss090;

    public static bool IsAtom(string? ns) => ns is Atom10 or Atom03;
}
