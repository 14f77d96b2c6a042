using AlertBot.Core.Figures;

namespace AlertBot.Core.Delivery;

/// <summary>
/// Whether a new report of a story changes one of its key figures (a death toll from 230 to 273, a new troop estimate),
/// and the short text of the update that says so.
/// </summary>
public static class StoryUpdate
{
    /// <summary>Figure changes an update lists at most.</summary>
    public const int MaxChanges = 3;

    /// <param name="earlier">The figures of the story's earlier reports, oldest report first.</param>
    /// <param name="report">The new report's figures.</param>
    /// <returns>"Update: 296 killed (was 50) — menafocus.qa", or null when none of the report's key figures changed.</returns>
    public static string? Describe(IReadOnlyList<Figure> earlier, IReadOnlyList<Figure> report, string? outlet)
    {
        var changes = new List<string>();
        foreach (var figure in KeyFigures.Select(report, AlertComposer.KeyFigureCount))
        {
            if (FigureFormat.IsMagnitude(figure)) continue;
            // The latest earlier figure of the same measure, in the same unit and of the same subject when both name one.
            var before = earlier.LastOrDefault(f => f.Measure == figure.Measure && f.Unit == figure.Unit
                && (f.Subject is null || figure.Subject is null || f.Subject == figure.Subject));
            if (before is null || (before.Value == figure.Value && before.ValueHigh == figure.ValueHigh)) continue;
            changes.Add($"{FigureFormat.Describe(figure)} (was {FigureFormat.Value(before)})");
            if (changes.Count == MaxChanges) break;
        }
        if (changes.Count == 0) return null;
        return "Update: " + string.Join("; ", changes) + (outlet is null ? "" : " — " + outlet);
    }
}
