using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AlertBot.Core.Feeds;

/// <summary>
/// Renders a feed as the JSON document of <c>alertbot check-feed --json</c>:
/// <c>{"title","link","items":[{"id","title","link","published","updated","author","summary","content","categories":[…],"enclosures":[{"url","type","length"}]}]}</c>.
/// Every key is always present (null when unknown); dates are ISO 8601 UTC; only "content" may hold HTML.
/// </summary>
public static class FeedJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(Feed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("title", feed.Title);
            w.WriteString("link", feed.Link);
            w.WriteStartArray("items");
            foreach (var item in feed.Items) WriteItem(w, item);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteItem(Utf8JsonWriter w, FeedItem item)
    {
        w.WriteStartObject();
        w.WriteString("id", item.Id);
        w.WriteString("title", item.Title);
        w.WriteString("link", item.Link);
        w.WriteString("published", Iso(item.Published));
        w.WriteString("updated", Iso(item.Updated));
        w.WriteString("author", item.Author);
        w.WriteString("summary", item.Summary);
        w.WriteString("content", item.Content);
        w.WriteStartArray("categories");
        foreach (var category in item.Categories) w.WriteStringValue(category);
        w.WriteEndArray();
        w.WriteStartArray("enclosures");
        foreach (var enclosure in item.Enclosures)
        {
            w.WriteStartObject();
            w.WriteString("url", enclosure.Url);
            w.WriteString("type", enclosure.Type);
            if (enclosure.Length is { } length) w.WriteNumber("length", length);
            else w.WriteNull("length");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>ISO 8601 in UTC to the second, e.g. "2026-11-21T08:24:00Z".</summary>
    public static string? Iso(DateTimeOffset? instant) =>
        instant?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
