using AlertBot.Core.Topics;
using AlertBot.Tests.Support;

namespace AlertBot.Tests.Topics;

public sealed class TopicsFileTests
{
    [Fact]
    public void Relative_source_paths_become_file_urls_next_to_the_topics_file()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("topics.json"),
            """{"topics":[{"id":"t1","name":"One","checkIntervalSeconds":60,"sources":[{"url":"samples/a.xml","drip":true},{"url":"https://example.com/rss"}]}]}""");

        var topic = Assert.Single(TopicsFile.Load(dir.File("topics.json")));

        Assert.Equal(TimeSpan.FromMinutes(1), topic.CheckInterval);
        Assert.Equal(new Uri(Path.Combine(dir.Path, "samples", "a.xml")).ToString(), topic.Sources[0].Url);
        Assert.True(topic.Sources[0].Drip);
        Assert.Equal("https://example.com/rss", topic.Sources[1].Url);
    }

    [Fact]
    public void Every_problem_is_reported_with_the_entry_it_belongs_to()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("topics.json"),
            """{"topics":[{"id":"Bad Id","name":"","checkIntervalSeconds":1,"sources":[{"url":"ftp://x/y"}]},{"id":"ok","name":"Ok","sources":[]}]}""");

        var ex = Assert.Throws<TopicsFileException>(() => TopicsFile.Load(dir.File("topics.json")));

        Assert.Contains("topics[0].id", ex.Message, StringComparison.Ordinal);
        Assert.Contains("topics[0].name", ex.Message, StringComparison.Ordinal);
        Assert.Contains("topics[0].checkIntervalSeconds", ex.Message, StringComparison.Ordinal);
        Assert.Contains("topics[0].sources[0].url", ex.Message, StringComparison.Ordinal);
        Assert.Contains("topics[1].sources", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_is_reported_with_the_file_name()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("topics.json"), "{ not json");
        var ex = Assert.Throws<TopicsFileException>(() => TopicsFile.Load(dir.File("topics.json")));
        Assert.Contains("not valid JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bundled_sample_topics_file_loads()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "config", "topics.json");
        var topic = Assert.Single(TopicsFile.Load(file));
        Assert.Equal("nk-russia", topic.Id);
        Assert.True(File.Exists(new Uri(topic.Sources[0].Url).LocalPath));
    }
}
