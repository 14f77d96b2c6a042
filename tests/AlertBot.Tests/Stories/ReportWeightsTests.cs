using AlertBot.Core.Stories;

namespace AlertBot.Tests.Stories;

public sealed class ReportWeightsTests
{
    [Fact]
    public void A_report_scores_every_story_exactly_as_the_sorted_merge_does()
    {
        var rng = new Random(3);
        var weights = new ReportWeights();
        for (var round = 0; round < 200; round++)
        {
            // Small id ranges make most terms shared; large ones make stories whose ids lie beyond the report's.
            var range = round % 2 == 0 ? 80 : 5_000;
            var report = Vector(rng, rng.Next(0, 60), range);
            weights.Load(report);
            for (var s = 0; s < 10; s++)
            {
                var story = Vector(rng, rng.Next(0, 64), range * 2);
                Assert.Equal(BitConverter.DoubleToInt64Bits(report.Cosine(story)), BitConverter.DoubleToInt64Bits(weights.Cosine(story)));
            }
        }
    }

    [Fact]
    public void A_term_of_the_previous_report_counts_for_nothing_in_the_next_one()
    {
        var weights = new ReportWeights();
        weights.Load(new TermVector([1, 2], [1f, 1f]));
        var next = new TermVector([3], [1f]);
        weights.Load(next);

        Assert.Equal(0, weights.Cosine(new TermVector([1, 2], [1f, 1f])));
        Assert.Equal(1, weights.Cosine(next), 12);
    }

    private static TermVector Vector(Random rng, int count, int range)
    {
        var ids = new HashSet<int>();
        while (ids.Count < count) ids.Add(rng.Next(range));
        return new TermVector([.. ids.Order()], [.. ids.Select(_ => (float)(rng.NextDouble() * 10 + 0.01))]);
    }
}
