using AlertBot.Core.Storage;

namespace AlertBot.Core.Delivery;

/// <summary>How an alert names the other outlets of its story.</summary>
public static class AlsoReported
{
    /// <summary>Outlets named before the rest are counted.</summary>
    public const int Named = 2;

    /// <summary>The outlets of the story's other reports, each once, first reporter first, the article's own outlet left out.</summary>
    public static List<string> Others(ArticleRecord article, IEnumerable<ArticleRecord> reports) =>
        reports.Where(r => r.Id != article.Id).Select(r => r.Outlet).OfType<string>()
            .Where(o => !string.Equals(o, article.Outlet, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The other outlets of each article's story, by article id, in one read (digests list stories, not articles).</summary>
    public static async Task<IReadOnlyDictionary<long, string>> LinesAsync(ArticleStore articles, IReadOnlyCollection<ArticleRecord> shown, CancellationToken ct)
    {
        var reports = (await articles.OfStoriesAsync(shown.Select(a => a.StoryId).OfType<long>().Distinct().ToList(), ct)).ToLookup(r => r.StoryId!.Value);
        var lines = new Dictionary<long, string>();
        foreach (var a in shown)
        {
            if (a.StoryId is { } story && Line(Others(a, reports[story])) is { } line) lines[a.Id] = line;
        }
        return lines;
    }

    /// <summary>"Also reported by Reuters", "… by Reuters and BBC", "… by Reuters, BBC and AP", "… by Reuters, BBC and 3 more"; null for none.</summary>
    public static string? Line(IReadOnlyList<string> outlets)
    {
        if (outlets.Count == 0) return null;
        var text = outlets.Count switch
        {
            1 => outlets[0],
            2 => $"{outlets[0]} and {outlets[1]}",
            3 => $"{outlets[0]}, {outlets[1]} and {outlets[2]}",
            _ => $"{string.Join(", ", outlets.Take(Named))} and {outlets.Count - Named} more",
        };
        return "Also reported by " + text;
    }
}
