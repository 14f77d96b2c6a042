using AlertBot.Core.Figures;
using Microsoft.Data.Sqlite;

namespace AlertBot.Core.Storage;

/// <summary>
/// Inserts articles and their figures inside the caller's transaction, with each statement prepared once and reused
/// for every row (a check stores dozens of articles and hundreds of figures in one commit).
/// </summary>
internal sealed class ArticleWriter : IDisposable
{
    private readonly SqliteCommand _article;
    private readonly SqliteCommand _figure;

    public ArticleWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        _article = Sql.Prepare(connection, transaction,
            """
            INSERT INTO articles (topic_id, source_id, identity, title, link, outlet, published_at, fetched_at, text, summary)
            VALUES (@topicId, @sourceId, @identity, @title, @link, @outlet, @publishedAt, @fetchedAt, @text, @summary)
            ON CONFLICT (topic_id, identity) DO NOTHING
            RETURNING id
            """);
        _figure = Sql.Prepare(connection, transaction,
            """
            INSERT INTO figures (article_id, position, value, value_high, unit, measure, subject, qualifier, claimed_by, when_text, quote)
            VALUES (@articleId, @position, @value, @valueHigh, @unit, @measure, @subject, @qualifier, @claimedBy, @whenText, @quote)
            ON CONFLICT (article_id, position) DO NOTHING
            """);
    }

    /// <summary>Stores an article once per (topic, identity), with its figures in extraction order.</summary>
    /// <returns>The new row id, or null when the topic already has the article.</returns>
    public long? Insert(ArticleRecord a, IReadOnlyList<Figure> figures)
    {
        var id = Sql.Scalar(_article, ("@topicId", a.TopicId), ("@sourceId", a.SourceId), ("@identity", a.Identity), ("@title", a.Title),
            ("@link", a.Link), ("@outlet", a.Outlet), ("@publishedAt", a.PublishedAt), ("@fetchedAt", a.FetchedAt), ("@text", a.Text),
            ("@summary", a.Summary)) is long value ? value : (long?)null;
        if (id is not { } articleId) return null;
        for (var i = 0; i < figures.Count; i++)
        {
            var f = figures[i];
            Sql.Execute(_figure, ("@articleId", articleId), ("@position", i), ("@value", f.Value), ("@valueHigh", f.ValueHigh), ("@unit", f.Unit), ("@measure", f.Measure),
                ("@subject", f.Subject), ("@qualifier", f.Qualifier), ("@claimedBy", f.ClaimedBy), ("@whenText", f.When), ("@quote", f.Quote));
        }
        return id;
    }

    public void Dispose()
    {
        _article.Dispose();
        _figure.Dispose();
    }
}
