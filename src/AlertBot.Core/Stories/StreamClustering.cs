using System.Globalization;
using System.Text.Json;
using AlertBot.Core.Articles;
using AlertBot.Core.Feeds;

namespace AlertBot.Core.Stories;

/// <summary>
/// Clusters a JSONL stream of reports (fields <c>id</c>, <c>title</c>, <c>text</c>, <c>published</c>, <c>outlet</c>,
/// <c>url</c>; one object per line, in stream order) the way the pipeline does: each report's text is cleaned as a
/// feed item's is, then given to one <see cref="StoryClusterer"/>. Backs <c>alertbot cluster</c> and the dev-stream test.
/// </summary>
public static class StreamClustering
{
    /// <summary>One stream line and where it went.</summary>
    public sealed record Result(StoryArticle Article, StoryAssignment Assignment);

    public static IEnumerable<Result> Run(TextReader jsonl, StoryOptions options)
    {
        var clusterer = new StoryClusterer(options);
        var lineNumber = 0;
        while (jsonl.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var article = Parse(line, lineNumber);
            yield return new Result(article, clusterer.Add(article));
        }
    }

    /// <summary>A stream line as the stage's input, its text cleaned like a feed item's.</summary>
    public static StoryArticle Parse(string line, int lineNumber)
    {
        using var doc = ParseJson(line, lineNumber);
        var root = doc.RootElement;
        var id = Field(root, "id") ?? throw new FormatException($"line {lineNumber}: no \"id\"");
        var published = Field(root, "published") is { } p
            ? DateTimeOffset.Parse(p, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : throw new FormatException($"line {lineNumber}: no \"published\"");
        var item = new FeedItem { Id = id, Title = Field(root, "title"), Summary = Field(root, "text"), Link = Field(root, "url"), Published = published };
        return new StoryArticle(id, (item.Title ?? "").Trim(), ArticleTextResolver.CleanFromFeed(item), published, Field(root, "outlet"), item.Link);
    }

    private static JsonDocument ParseJson(string line, int lineNumber)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"line {lineNumber}: {ex.Message}", ex);
        }
    }

    private static string? Field(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v)
            ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ValueKind == JsonValueKind.Number ? v.GetRawText() : null
            : null;
}
