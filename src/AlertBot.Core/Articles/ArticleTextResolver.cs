using AlertBot.Core.Feeds;
using AlertBot.Core.Text;
using Microsoft.Extensions.Options;

namespace AlertBot.Core.Articles;

/// <summary>Configuration section "Articles".</summary>
public sealed class ArticleTextOptions
{
    public const string Section = "Articles";

    /// <summary>Fetch the linked page when an item carries only a teaser.</summary>
    public bool FetchLinkedPages { get; set; } = true;

    /// <summary>A summary (without content) shorter than this is a teaser, not the article.</summary>
    public int TeaserMaxChars { get; set; } = 600;
}

/// <summary>
/// The clean stage's one seam with I/O: an item's text from the feed when it carries it (HTML through the
/// extractor's fragment path, plain text through <see cref="ArticleCleaner"/>), otherwise from the linked page,
/// fetched through the same guarded <see cref="IFeedFetcher"/> as feeds (size cap, SSRF guard, timeouts).
/// Never throws for fetch trouble: the teaser is the fallback.
/// </summary>
public sealed class ArticleTextResolver(IFeedFetcher fetcher, IOptions<ArticleTextOptions> options)
{
    /// <summary>Cleaned text from what the feed carried; pure, no fetching.</summary>
    public static string CleanFromFeed(FeedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var title = item.Title ?? "";
        var raw = !string.IsNullOrWhiteSpace(item.Content) ? item.Content : item.Summary ?? "";
        return CleanEither(title, raw);
    }

    /// <summary>True when the item carries no content and at most a short summary.</summary>
    public bool IsTeaserOnly(FeedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return string.IsNullOrWhiteSpace(item.Content) && (item.Summary?.Trim().Length ?? 0) < options.Value.TeaserMaxChars;
    }

    /// <summary>The item's cleaned text: from the feed, or from the linked page when the item is a teaser and the page gives more.</summary>
    public async Task<string> ResolveAsync(FeedItem item, CancellationToken cancellationToken)
    {
        var fromFeed = CleanFromFeed(item);
        if (!IsTeaserOnly(item)) return fromFeed;
        if (!options.Value.FetchLinkedPages || !TryPageUrl(item.Link, out var url)) return fromFeed;

        var fetched = await fetcher.FetchAsync(new FetchRequest(url), cancellationToken);
        if (fetched is not FetchResult.Fetched page || !IsHtmlOrText(page)) return fromFeed;

        var body = TextDecoder.Decode(page.Body, page.ContentType).Text;
        var extracted = page.ContentType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true || HtmlMarkup.LooksLikeHtml(body)
            ? HtmlArticleExtractor.Extract(body).Text
            : ArticleCleaner.Clean(item.Title ?? "", body);
        // A page that yields less than the teaser (a consent wall, a login page) is not the article.
        return extracted.Length > fromFeed.Length ? extracted : fromFeed;
    }

    private static string CleanEither(string title, string raw) =>
        HtmlMarkup.LooksLikeHtml(raw) ? HtmlArticleExtractor.CleanFragment(title, raw) : ArticleCleaner.Clean(title, raw);

    /// <summary>Only http(s) links are followed: a feed must never make the bot read a local file (file:///etc/passwd).</summary>
    private static bool TryPageUrl(string? link, out Uri url)
    {
        url = null!;
        if (!Uri.TryCreate(link, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)) return false;
        url = parsed;
        return true;
    }

    private static bool IsHtmlOrText(FetchResult.Fetched page) =>
        page.ContentType is null || page.ContentType.Contains("html", StringComparison.OrdinalIgnoreCase)
        || page.ContentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase);
}
