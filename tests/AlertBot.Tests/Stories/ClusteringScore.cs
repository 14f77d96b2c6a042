using System.Globalization;

namespace AlertBot.Tests.Stories;

/// <summary>
/// Scores predicted stories against gold events the way ../shared/tools/score_stories.py does: pairwise
/// precision/recall/F1, B-cubed F1, split events and mixed stories (with the event pairs they merge).
/// </summary>
internal sealed record ClusteringScore(
    double PairPrecision,
    double PairRecall,
    double PairF1,
    double BCubedF1,
    IReadOnlyList<string> SplitEvents,
    IReadOnlyList<string> MixedStories)
{
    /// <param name="items">(report id, gold event, predicted story) in stream order.</param>
    public static ClusteringScore Of(IReadOnlyList<(string Id, string Event, string Story)> items)
    {
        var joint = items.GroupBy(i => (i.Event, i.Story)).ToDictionary(g => g.Key, g => g.Count());
        var byEvent = items.GroupBy(i => i.Event).ToDictionary(g => g.Key, g => g.ToList());
        var byStory = items.GroupBy(i => i.Story).ToDictionary(g => g.Key, g => g.ToList());
        static long Pairs(long n) => n * (n - 1) / 2;

        var tp = joint.Values.Sum(c => Pairs(c));
        var predicted = byStory.Values.Sum(v => Pairs(v.Count));
        var gold = byEvent.Values.Sum(v => Pairs(v.Count));
        var p = predicted == 0 ? 1.0 : (double)tp / predicted;
        var r = gold == 0 ? 1.0 : (double)tp / gold;

        double bp = 0, br = 0;
        foreach (var i in items)
        {
            var both = joint[(i.Event, i.Story)];
            bp += (double)both / byStory[i.Story].Count;
            br += (double)both / byEvent[i.Event].Count;
        }
        bp /= items.Count;
        br /= items.Count;

        var split = byEvent.Where(e => e.Value.Select(i => i.Story).Distinct().Count() > 1).Select(e => e.Key).Order().ToList();
        var mixed = byStory
            .Select(s => (Story: s.Key, Events: s.Value.Select(i => i.Event).Distinct().Order().ToList()))
            .Where(s => s.Events.Count > 1)
            .Select(s => $"story {s.Story}: {string.Join(" + ", s.Events)}")
            .Order().ToList();
        return new ClusteringScore(p, r, F1(p, r), F1(bp, br), split, mixed);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"pairwise precision={PairPrecision:F3} recall={PairRecall:F3} f1={PairF1:F3}\nbcubed f1={BCubedF1:F3}\n" +
        $"split events: {SplitEvents.Count}{(SplitEvents.Count == 0 ? "" : " (" + string.Join(", ", SplitEvents) + ")")}\n" +
        $"mixed stories: {MixedStories.Count}{(MixedStories.Count == 0 ? "" : "\n  " + string.Join("\n  ", MixedStories))}");

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}
