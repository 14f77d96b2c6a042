using AlertBot.Core.Figures;
using Dapper;

namespace AlertBot.Core.Storage;

/// <summary>Figures stored with their article, read back per article (alerts) or per topic (/figures).</summary>
public sealed class FigureStore(Database db)
{
    private const string Columns = "f.value, f.value_high, f.unit, f.measure, f.subject, f.qualifier, f.claimed_by, f.when_text, f.quote";

    private sealed record Row
    {
        public long ArticleId { get; init; }
        public double Value { get; init; }
        public double? ValueHigh { get; init; }
        public string? Unit { get; init; }
        public string Measure { get; init; } = "";
        public string? Subject { get; init; }
        public string? Qualifier { get; init; }
        public string? ClaimedBy { get; init; }
        public string? WhenText { get; init; }
        public string Quote { get; init; } = "";
        public string? Outlet { get; init; }
        public DateTimeOffset? PublishedAt { get; init; }
        public DateTimeOffset FetchedAt { get; init; }
        public string Title { get; init; } = "";
        public string? Link { get; init; }
        public long? StoryId { get; init; }

        public Figure ToFigure() => new()
        {
            Value = Value, ValueHigh = ValueHigh, Unit = Unit, Measure = Measure, Subject = Subject, Qualifier = Qualifier,
            ClaimedBy = ClaimedBy, When = WhenText, Quote = Quote,
        };
    }

    /// <summary>The figures of these articles in one read, each list in extraction order.</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<Figure>>> ForArticlesAsync(IReadOnlyCollection<long> articleIds, CancellationToken ct = default)
    {
        if (articleIds.Count == 0) return new Dictionary<long, IReadOnlyList<Figure>>();
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<Row>(
            $"SELECT f.article_id, {Columns} FROM figures f WHERE f.article_id IN @articleIds ORDER BY f.article_id, f.position", new { articleIds });
        return rows.GroupBy(r => r.ArticleId).ToDictionary(g => g.Key, g => (IReadOnlyList<Figure>)g.Select(r => r.ToFigure()).ToList());
    }

    public async Task<IReadOnlyList<Figure>> ForArticleAsync(long articleId, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<Row>($"SELECT {Columns} FROM figures f WHERE f.article_id = @articleId ORDER BY f.position", new { articleId });
        return rows.Select(r => r.ToFigure()).ToList();
    }

    /// <summary>The figures of a topic's most recent articles (all topics when null), newest articles first.</summary>
    public Task<IReadOnlyList<StoredFigure>> ForTopicAsync(string? topicId, int articleLimit = 200, CancellationToken ct = default) =>
        RecentAsync("@topicId IS NULL OR id IN (SELECT article_id FROM topic_articles WHERE topic_id = @topicId)", new { topicId, articleLimit }, ct);

    /// <summary>The figures of the most recent articles filed under any of these topics, newest articles first.</summary>
    public Task<IReadOnlyList<StoredFigure>> ForTopicsAsync(IReadOnlyCollection<string> topicIds, int articleLimit = 200, CancellationToken ct = default) =>
        RecentAsync("id IN (SELECT article_id FROM topic_articles WHERE topic_id IN @topicIds)", new { topicIds, articleLimit }, ct);

    private async Task<IReadOnlyList<StoredFigure>> RecentAsync(string articleFilter, object args, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<Row>(
            $"""
            SELECT {Columns}, a.outlet, a.published_at, a.fetched_at, a.title, a.link, a.story_id
            FROM figures f
            JOIN (SELECT id, outlet, published_at, fetched_at, title, link, story_id FROM articles
                  WHERE {articleFilter}
                  ORDER BY COALESCE(published_at, fetched_at) DESC, id DESC LIMIT @articleLimit) a ON a.id = f.article_id
            ORDER BY COALESCE(a.published_at, a.fetched_at) DESC, f.article_id DESC, f.position
            """, args);
        return rows.Select(r => new StoredFigure(r.ToFigure(), r.Outlet, r.PublishedAt ?? r.FetchedAt, r.Title, r.Link, r.StoryId)).ToList();
    }
}
