using Microsoft.Extensions.Time.Testing;
using AlertBot.Core.Delivery;
using AlertBot.Core.Figures;
using AlertBot.Core.Storage;
using AlertBot.Tests.Support;

namespace AlertBot.Tests.Delivery;

public sealed class AlertComposerTests
{
    [Fact]
    public async Task A_batch_of_rows_is_composed_each_with_its_own_article_topic_and_figures()
    {
        using var db = await TestDatabase.CreateAsync(new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)), TestDatabase.Topic("a"), TestDatabase.Topic("b"));
        async Task<long> Insert(string topic, string title, params Figure[] figures) =>
            (await db.Articles.InsertAsync(new ArticleRecord { TopicId = topic, Identity = "id:" + title, Title = title, Text = "t", Summary = "s", FetchedAt = db.Time.GetUtcNow() }, figures))!.Value;
        var first = await Insert("a", "First", new Figure { Value = 12000, Measure = "troops deployed", Quote = "q" });
        var second = await Insert("b", "Second");
        OutboxRecord Row(long id, long? article, string? notice = null) => new() { Id = id, Platform = "test", ChatId = "c", ArticleId = article, Notice = notice };

        var alerts = await new AlertComposer(db.Articles, db.Topics, db.Figures).ComposeAsync(
            [Row(1, first), Row(2, second), Row(3, 999), Row(4, null, "notice")], CancellationToken.None);

        Assert.Equal([1L, 2L], alerts.Keys.Order());
        Assert.Equal(("First", "Topic a", 1), (alerts[1].Title, alerts[1].TopicName, alerts[1].Figures.Count));
        Assert.Equal(("Second", "Topic b", 0), (alerts[2].Title, alerts[2].TopicName, alerts[2].Figures.Count));
    }
}
