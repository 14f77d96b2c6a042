using System.Text.Json;
using AlertBot.Core.Stories;
using AlertBot.Tests.Figures;
using Xunit.Abstractions;

namespace AlertBot.Tests.Stories;

/// <summary>
/// The labelled dev stream (../shared/data/stories-dev.jsonl: 42 reports of 14 events with look-alikes) through the
/// same parsing, cleaning and clustering as <c>alertbot cluster</c>, scored against its gold events.
/// </summary>
public sealed class DevStreamTests(ITestOutputHelper output)
{
    private static readonly string Stream = Path.Combine(SharedData.Data, "stories-dev.jsonl");

    [Fact]
    public void The_dev_stream_clusters_at_bcubed_095_or_better_and_no_story_mixes_two_events()
    {
        var score = Score(new StoryOptions());
        output.WriteLine(score.ToString());
        Assert.Empty(score.MixedStories);
        Assert.True(score.BCubedF1 >= 0.95, $"B-cubed F1 {score.BCubedF1:F3} is under 0.95\n{score}");
    }

    [Fact]
    public void Without_a_time_window_the_specifics_alone_still_keep_every_look_alike_apart()
    {
        // Every look-alike of the stream (the four aerial objects, the two Turkish earthquakes, the two Starship
        // flights, the three prime ministers) then competes with its twin: only content and specifics separate them.
        var score = Score(new StoryOptions { Window = TimeSpan.FromDays(3650) });
        output.WriteLine(score.ToString());
        Assert.Empty(score.MixedStories);
    }

    private static ClusteringScore Score(StoryOptions options)
    {
        var gold = File.ReadLines(Stream).Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("event_id").GetString()!);
        using var reader = new StreamReader(Stream);
        var items = StreamClustering.Run(reader, options)
            .Select(r => (r.Article.Id, gold[r.Article.Id], r.Assignment.StoryId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(gold.Count, items.Count);
        return ClusteringScore.Of(items);
    }
}
