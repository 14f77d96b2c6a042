namespace AlertBot.Tests.Stories;

/// <summary>The scorer against the check values stories-dev.md gives for its 42 reports of 14 events.</summary>
public sealed class ClusteringScoreTests
{
    private static readonly List<(string Id, string Event)> Gold =
        Enumerable.Range(0, 42).Select(i => ($"n{i:D3}", $"event{i / 3}")).ToList();

    [Fact]
    public void Every_report_alone_scores_half_bcubed_and_splits_every_event()
    {
        var score = ClusteringScore.Of(Gold.Select(g => (g.Id, g.Event, g.Id)).ToList());
        Assert.Equal(1.0, score.PairPrecision, 3);
        Assert.Equal(0.0, score.PairRecall, 3);
        Assert.Equal(0.0, score.PairF1, 3);
        Assert.Equal(0.5, score.BCubedF1, 3);
        Assert.Equal(14, score.SplitEvents.Count);
        Assert.Empty(score.MixedStories);
    }

    [Fact]
    public void All_reports_in_one_story_mix_every_event()
    {
        var score = ClusteringScore.Of(Gold.Select(g => (g.Id, g.Event, "one")).ToList());
        Assert.Equal(0.049, score.PairPrecision, 3);
        Assert.Equal(1.0, score.PairRecall, 3);
        Assert.Equal(0.093, score.PairF1, 3);
        Assert.Equal(0.133, score.BCubedF1, 3);
        Assert.Empty(score.SplitEvents);
        Assert.Single(score.MixedStories);
    }
}
