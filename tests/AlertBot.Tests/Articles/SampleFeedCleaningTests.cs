using AlertBot.Core.Articles;
using AlertBot.Core.Feeds;

namespace AlertBot.Tests.Articles;

/// <summary>The bundled sample feed carries the seeds as HTML content: the feed path must give the same paragraphs as the file path.</summary>
public sealed class SampleFeedCleaningTests
{
    [Fact]
    public void Every_sample_feed_item_cleans_to_its_seed_paragraphs()
    {
        var path = Path.Combine(ArticleTestFiles.FixturePath(""), "..", "..", "..", "..", "config", "samples", "nk-russia.xml");
        var feed = FeedParser.Parse(File.ReadAllBytes(path), new Uri(Path.GetFullPath(path)), "application/rss+xml").Feed!;

        Assert.Equal(5, feed.Items.Count);
        foreach (var item in feed.Items)
        {
            var id = item.Link!.EndsWith("/003", StringComparison.Ordinal) ? "003" : null;
            var text = ArticleTextResolver.CleanFromFeed(item);
            var match = ArticleTestFiles.SeedIds.Where(s => ArticleTestFiles.FixtureLines(s, "paragraphs")[0] == text.Split('\n')[0]).ToList();
            var seed = Assert.Single(match);
            Assert.True(id is null || id == seed);
            Assert.Equal(ArticleTestFiles.FixtureLines(seed, "paragraphs"), text.Split('\n'));
        }
    }
}
