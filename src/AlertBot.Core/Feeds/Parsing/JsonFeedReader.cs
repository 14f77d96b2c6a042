using System.Net;
using System.Text.Json;
using AlertBot.Core.Text;

namespace AlertBot.Core.Feeds.Parsing;

/// <summary>JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).</summary>
internal static class JsonFeedReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static FeedParseResult Read(string text, Uri? feedUrl, ReadContext cx, string encoding)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(text, Options); }
        catch (JsonException ex) { return FeedParseResult.Fail($"not a feed: the JSON is malformed ({ex.Message})"); }
        using (doc)
        {
            var root = doc.RootElement;
            // Accept a missing or sloppy version when the shape is unmistakable (an "items" array).
            var version = root.ValueKind == JsonValueKind.Object ? Str(root, "version") ?? "" : "";
            if (root.ValueKind != JsonValueKind.Object || !version.Contains("jsonfeed.org/version/", StringComparison.OrdinalIgnoreCase)
                && !(root.TryGetProperty("items", out var shape) && shape.ValueKind == JsonValueKind.Array))
                return FeedParseResult.Fail("not a feed: the JSON document is not a JSON Feed (no jsonfeed.org version, no items)");

            var home = Str(root, "home_page_url");
            var baseUri = Uri.TryCreate(home, UriKind.Absolute, out var h) ? h : feedUrl;
            var items = new List<FeedItem>();
            if (root.TryGetProperty("items", out var array) && array.ValueKind == JsonValueKind.Array)
                foreach (var item in array.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object) continue;
                    if (cx.ItemLimitReached(items.Count)) break;
                    items.Add(Item(item, baseUri));
                }
            var (author, email) = AuthorOf(root);
            var feed = new Feed(FeedFormat.Json, HtmlText.SingleLine(Plain(Str(root, "title"))), Resolve(baseUri, home), items)
            {
                Version = version.TrimEnd('/').EndsWith("1.1", StringComparison.Ordinal) ? "1.1" : "1.0",
                Description = Plain(Str(root, "description")),
                Language = Str(root, "language"),
                Author = author ?? email,
                AuthorEmail = email,
                Encoding = encoding,
            };
            return FeedParseResult.Ok(feed, cx.Warnings);
        }
    }

    private static FeedItem Item(JsonElement e, Uri? baseUri)
    {
        var html = Str(e, "content_html");
        var text = Str(e, "content_text");
        var (author, email) = AuthorOf(e);
        var enclosures = new List<FeedEnclosure>();
        if (e.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
            foreach (var a in attachments.EnumerateArray())
                if (a.ValueKind == JsonValueKind.Object && Resolve(baseUri, Str(a, "url")) is { } url)
                    enclosures.Add(new FeedEnclosure(url, Str(a, "mime_type"),
                        a.TryGetProperty("size_in_bytes", out var size) && size.TryGetInt64(out var n) ? n : null));
        var tags = new List<string>();
        if (e.TryGetProperty("tags", out var tagArray) && tagArray.ValueKind == JsonValueKind.Array)
            foreach (var t in tagArray.EnumerateArray())
                if (t.ValueKind == JsonValueKind.String && ReadContext.Trimmed(t.GetString()) is { } tag) tags.Add(tag);
        return new FeedItem
        {
            Id = Str(e, "id"),
            Title = HtmlText.SingleLine(Plain(Str(e, "title"))),
            Link = Resolve(baseUri, Str(e, "url") ?? Str(e, "external_url")),
            Published = FeedDate.Parse(Str(e, "date_published")),
            Updated = FeedDate.Parse(Str(e, "date_modified")),
            Author = author ?? email,
            AuthorEmail = email,
            Summary = Plain(Str(e, "summary") ?? text ?? html),
            Content = html ?? (text is null ? null : WebUtility.HtmlEncode(text)),
            Categories = tags,
            Enclosures = enclosures,
            ImageUrl = Resolve(baseUri, Str(e, "image") ?? Str(e, "banner_image")),
        };
    }

    private static (string? Name, string? Email) AuthorOf(JsonElement e)
    {
        var author = e.TryGetProperty("authors", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0
            ? list[0]
            : e.TryGetProperty("author", out var single) ? single : default;
        if (author.ValueKind != JsonValueKind.Object) return (null, null);
        var url = Str(author, "url");
        var email = url?.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) == true ? url[7..] : null;
        return (Str(author, "name"), email);
    }

    /// <summary>String value; JSON Feed ids are sometimes numbers, so those are read as their text.</summary>
    private static string? Str(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) ? null
        : v.ValueKind == JsonValueKind.String ? ReadContext.Trimmed(v.GetString())
        : v.ValueKind == JsonValueKind.Number ? v.GetRawText()
        : null;

    private static string? Plain(string? text) => text is null ? null : ReadContext.Trimmed(HtmlText.ToPlain(text));

    private static string? Resolve(Uri? baseUri, string? url)
    {
        if (url is null) return null;
        if (Uri.TryCreate(url, UriKind.Absolute, out _) && !url.StartsWith('/')) return url;
        return baseUri is not null && Uri.TryCreate(baseUri, url, out var r) ? r.AbsoluteUri : url;
    }
}
