using AlertBot.Core.Stories;
using AlertBot.Tests.Figures;

namespace AlertBot.Tests.Stories;

public sealed class UnexplainedAssignmentTests
{
    [Fact]
    public void Every_report_goes_where_it_goes_when_explained_though_fewer_candidates_are_checked_for_vetoes()
    {
        // The dev stream with no time window (look-alikes compete, so vetoes decide), then again as copies of itself an
        // hour later (each joins as a copy, often after a story it could join by score): both ways of joining are tested.
        var lines = File.ReadLines(Path.Combine(SharedData.Data, "stories-dev.jsonl")).Where(l => l.Length > 0).ToList();
        var reports = lines.Select((l, i) => StreamClustering.Parse(l, i + 1)).ToList();
        reports.AddRange(reports.Select(r => r with { Id = r.Id + "-copy", Published = r.Published.AddHours(1) }).ToList());
        var options = new StoryOptions { Window = TimeSpan.FromDays(3650) };
        var explained = new StoryClusterer(options);
        var unexplained = new StoryClusterer(options);

        var copies = 0;
        foreach (var report in reports)
        {
            var expected = explained.Add(report);
            var actual = unexplained.Add(unexplained.Read(report), explain: false);
            Assert.Equal((expected.StoryId, expected.IsNewStory, expected.Score, expected.Copy), (actual.StoryId, actual.IsNewStory, actual.Score, actual.Copy));
            Assert.Empty(actual.Considered);
            if (expected.Copy) copies++;
        }
        Assert.True(copies >= lines.Count / 2, $"only {copies} reports joined as copies");
    }
}
