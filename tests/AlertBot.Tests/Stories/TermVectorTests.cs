using AlertBot.Core.Stories;

namespace AlertBot.Tests.Stories;

public sealed class TermVectorTests
{
    [Fact]
    public void Adding_a_report_keeps_the_heaviest_terms_ties_by_id_in_id_order()
    {
        var rng = new Random(11);
        for (var round = 0; round < 300; round++)
        {
            // Few distinct weights make many ties at the cut.
            var story = Vector(rng, rng.Next(0, 80), 150);
            var report = Vector(rng, rng.Next(0, 80), 150);
            var max = rng.Next(1, 70);

            var sum = story.AddUnit(report, max);

            var scale = report.Norm == 0 ? 0f : (float)(1 / report.Norm);
            var merged = new Dictionary<int, float>();
            for (var i = 0; i < story.Count; i++) merged[story.Ids[i]] = story.Weights[i];
            for (var i = 0; i < report.Count; i++)
                merged[report.Ids[i]] = merged.TryGetValue(report.Ids[i], out var w) ? w + report.Weights[i] * scale : report.Weights[i] * scale;
            var expected = merged.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(max).OrderBy(p => p.Key).ToList();
            Assert.Equal(expected.Select(p => p.Key), sum.Ids);
            Assert.Equal(expected.Select(p => p.Value), sum.Weights);
        }
    }

    private static TermVector Vector(Random rng, int count, int range)
    {
        var ids = new HashSet<int>();
        while (ids.Count < count) ids.Add(rng.Next(range));
        return new TermVector([.. ids.Order()], [.. ids.Select(_ => rng.Next(1, 6) / 4f)]);
    }
}
