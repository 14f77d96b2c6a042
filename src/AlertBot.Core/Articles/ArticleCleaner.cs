namespace AlertBot.Core.Articles;

/// <summary>Turns article text as scraped into its paragraphs, without page furniture. Sample-grade body.</summary>
public static class ArticleCleaner
{
    /// <summary>Returns the article's paragraphs joined by blank-line-free '\n'.</summary>
    public static string Clean(string title, string text)
    {
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l != title);
        return string.Join('\n', lines);
    }
}
