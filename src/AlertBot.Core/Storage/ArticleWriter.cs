using AlertBot.Core.Figures;

namespace AlertBot.Core.Storage;

/// <summary>
/// Inserts articles and their figures inside the current transaction of <see cref="Statements"/>, with each statement
/// prepared once and reused for every row (a batch of checks stores hundreds of articles and thousands of figures).
/// </summary>
internal sealed class ArticleWriter
{
    private readonly Statement _article;
    private readonly Statement _figure;
    private readonly Statement _member;
    private readonly Statement _storyStart;
    private readonly Statement _storyReport;
    private readonly Statements _statements;

    public ArticleWriter(Statements statements)
    {
        _statements = statements;
        _article = statements.Get(
            """
            INSERT INTO articles (topic_id, source_id, identity, title, link, outlet, published_at, fetched_at, text, summary, story_id, image_url)
            VALUES (@topicId, @sourceId, @identity, @title, @link, @outlet, @publishedAt, @fetchedAt, @text, @summary, @storyId, @imageUrl)
            ON CONFLICT DO NOTHING
            """);
        _member = statements.Get(
            "INSERT INTO topic_articles (topic_id, article_id) VALUES (@topicId, @articleId) ON CONFLICT DO NOTHING");
        _figure = statements.Get(
            """
            INSERT INTO figures (article_id, position, value, value_high, unit, measure, subject, qualifier, claimed_by, when_text, quote)
            VALUES (@articleId, @position, @value, @valueHigh, @unit, @measure, @subject, @qualifier, @claimedBy, @whenText, @quote)
            ON CONFLICT (article_id, position) DO NOTHING
            """);
        _storyStart = statements.Get(
            """
            INSERT INTO stories (id, first_seen_at, last_seen_at, title, reports) VALUES (@id, @seen, @seen, @title, 0)
            ON CONFLICT (id) DO NOTHING
            """);
        _storyReport = statements.Get(
            """
            UPDATE stories SET reports = reports + 1, last_seen_at = CASE WHEN last_seen_at < @seen THEN @seen ELSE last_seen_at END,
                first_seen_at = CASE WHEN @seen < first_seen_at THEN @seen ELSE first_seen_at END,
                title = CASE WHEN @seen < first_seen_at THEN @title ELSE title END
            WHERE id = @id
            """);
    }

    /// <summary>
    /// Stores an item once per (feed, identity), with its figures in extraction order, as an article of each of
    /// <paramref name="topics"/> (its row's topic when null). The row's topic_id is the feed's first topic and no key: an
    /// item two feeds carry is stored for each, so every topic of either feed gets it. An article of a story
    /// starts the story's row (at <paramref name="storySeenAt"/>, under its title) or counts as one more report; the
    /// row keeps the earliest report's time and title whatever order the checks commit in (a check that joined a story
    /// can commit before the one that started it).
    /// </summary>
    /// <returns>The new row id, or null when the item is stored already.</returns>
    public long? Insert(ArticleRecord a, IReadOnlyList<Figure> figures, DateTimeOffset? storySeenAt = null, IReadOnlyList<string>? topics = null)
    {
        var seen = DateTimeOffsetHandler.Format(storySeenAt ?? a.PublishedAt ?? a.FetchedAt);
        if (a.StoryId is { } storyId) _storyStart.Execute(("@id", storyId), ("@seen", seen), ("@title", a.Title));
        var inserted = _article.Execute(("@topicId", a.TopicId), ("@sourceId", a.SourceId), ("@identity", a.Identity), ("@title", a.Title),
            ("@link", a.Link), ("@outlet", a.Outlet), ("@publishedAt", a.PublishedAt), ("@fetchedAt", a.FetchedAt), ("@text", a.Text),
            ("@summary", a.Summary), ("@storyId", a.StoryId), ("@imageUrl", a.ImageUrl));
        if (inserted == 0) return null;
        var articleId = _statements.LastInsertRowId;
        foreach (var topic in topics ?? [a.TopicId]) _member.Execute(("@topicId", topic), ("@articleId", articleId));
        if (a.StoryId is { } joined) _storyReport.Execute(("@id", joined), ("@seen", seen), ("@title", a.Title));
        for (var i = 0; i < figures.Count; i++)
        {
            var f = figures[i];
            _figure.Execute(("@articleId", articleId), ("@position", i), ("@value", f.Value), ("@valueHigh", f.ValueHigh), ("@unit", f.Unit), ("@measure", f.Measure),
                ("@subject", f.Subject), ("@qualifier", f.Qualifier), ("@claimedBy", f.ClaimedBy), ("@whenText", f.When), ("@quote", f.Quote));
        }
        return articleId;
    }
}
