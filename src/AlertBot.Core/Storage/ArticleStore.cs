using AlertBot.Core.Figures;
using Dapper;

namespace AlertBot.Core.Storage;

public sealed class ArticleStore(Database db)
{
    private const string Columns = "id, topic_id, source_id, identity, title, link, outlet, published_at, fetched_at, text, summary, story_id, image_url";

    /// <summary>Which of these identities the feed has already stored (however long ago they left the feed).</summary>
    public async Task<IReadOnlySet<string>> KnownIdentitiesAsync(long sourceId, IReadOnlyCollection<string> identities, CancellationToken ct = default)
    {
        if (identities.Count == 0) return new HashSet<string>();
        await using var c = await db.OpenAsync(ct);
        var known = await c.QueryAsync<string>(
            "SELECT identity FROM articles WHERE source_id = @sourceId AND identity IN @identities", new { sourceId, identities });
        return known.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Stores an article once per (feed, identity), with its figures, as an article of its topic.</summary>
    /// <returns>The new row id, or null when the article was already stored.</returns>
    public async Task<long?> InsertAsync(ArticleRecord a, IReadOnlyList<Figure>? figures = null, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = (Microsoft.Data.Sqlite.SqliteTransaction)await c.BeginTransactionAsync(ct);
        using var statements = new Statements(c);
        var id = new ArticleWriter(statements).Insert(a, figures ?? [], topics: [a.TopicId]);
        await tx.CommitAsync(ct);
        return id;
    }

    /// <summary>Articles by id, in one read (a batch of outbox rows); missing ids are left out.</summary>
    public async Task<IReadOnlyDictionary<long, ArticleRecord>> FindManyAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return new Dictionary<long, ArticleRecord>();
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<ArticleRecord>($"SELECT {Columns} FROM articles WHERE id IN @ids", new { ids })).ToDictionary(a => a.Id);
    }

    /// <summary>Every stored report of these stories, oldest first (by when it was stored), without its text.</summary>
    public async Task<IReadOnlyList<ArticleRecord>> OfStoriesAsync(IReadOnlyCollection<long> storyIds, CancellationToken ct = default)
    {
        if (storyIds.Count == 0) return [];
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<ArticleRecord>(
            """
            SELECT id, topic_id, source_id, identity, title, link, outlet, published_at, fetched_at, '' AS text, summary, story_id
            FROM articles WHERE story_id IN @storyIds ORDER BY id
            """, new { storyIds })).ToList();
    }

    public async Task<ArticleRecord?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<ArticleRecord>($"SELECT {Columns} FROM articles WHERE id = @id", new { id });
    }

    /// <summary>The topics an article belongs to (its feed's topics whose query it passed).</summary>
    public async Task<IReadOnlyList<string>> TopicsOfAsync(long articleId, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<string>("SELECT topic_id FROM topic_articles WHERE article_id = @articleId ORDER BY topic_id", new { articleId })).ToList();
    }

    /// <summary>A topic's articles (all articles when null), newest first: by publication date when known, else by when we fetched it.</summary>
    public Task<IReadOnlyList<ArticleRecord>> LatestAsync(string? topicId, int limit, CancellationToken ct = default) =>
        NewestAsync("@topicId IS NULL OR id IN (SELECT article_id FROM topic_articles WHERE topic_id = @topicId)", new { topicId, limit }, ct);

    /// <summary>The articles filed under any of these topics, each once, newest first as <see cref="LatestAsync"/>.</summary>
    public Task<IReadOnlyList<ArticleRecord>> LatestOfAsync(IReadOnlyCollection<string> topicIds, int limit, CancellationToken ct = default) =>
        NewestAsync("id IN (SELECT article_id FROM topic_articles WHERE topic_id IN @topicIds)", new { topicIds, limit }, ct);

    private async Task<IReadOnlyList<ArticleRecord>> NewestAsync(string filter, object args, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<ArticleRecord>(
            $"""
            SELECT {Columns} FROM articles
            WHERE {filter}
            ORDER BY COALESCE(published_at, fetched_at) DESC, id DESC
            LIMIT @limit
            """, args)).ToList();
    }
}
