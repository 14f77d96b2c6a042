namespace AlertBot.Core.Figures;

/// <summary>What one sentence hands to the next: the last claimant, the last counted noun, the main subject.</summary>
internal sealed class ExtractionState
{
    private readonly List<Figure> _figures = [];

    public string? PreviousClaimant { get; set; }
    public string? PreviousNoun { get; set; }
    public string? PreviousDemonym { get; set; }
    /// <summary>What the last percentage measured ("vote"), for a bare one that continues it ("took 29%").</summary>
    public string? PreviousShare { get; set; }
    /// <summary>What the last count measured, for "the figure", "the toll" and "counted 480,000" that continue it.</summary>
    public (string Measure, string Noun)? PreviousMeasure { get; set; }

    /// <summary>The subject most figures so far are about, for figures whose sentence names none.</summary>
    public string? MainSubject(string noun)
    {
        // Whose troops is usually the story's own subject; whose people, homes or buildings is not guessable.
        if (noun is not ("troops" or "army")) return null;
        // Only a subject of the same kind: "Russian troops" is not whose buildings were destroyed.
        return _figures.Where(f => f.Subject is not null && f.Subject.EndsWith(" " + noun, StringComparison.Ordinal))
            .GroupBy(f => f.Subject).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
    }

    public void Add(Figure figure) => _figures.Add(figure);

    /// <summary>One figure per (value, range, measure): a repeated figure fills in what its first mention lacked.</summary>
    public IReadOnlyList<Figure> Result()
    {
        var result = new List<Figure>();
        // "hundreds feared dead" is only a lower bound where the story gives no number for that measure.
        var counted = _figures.Where(f => !FigureFormat.IsMagnitude(f)).Select(f => f.Measure).ToHashSet(StringComparer.Ordinal);
        foreach (var group in _figures.Where(f => !FigureFormat.IsMagnitude(f) || !counted.Contains(f.Measure)).GroupBy(f => (f.Value, f.ValueHigh, f.Unit, f.Measure)))
        {
            var first = group.First();
            result.Add(first with
            {
                Subject = first.Subject ?? group.Select(g => g.Subject).FirstOrDefault(s => s is not null),
                Qualifier = first.Qualifier ?? group.Select(g => g.Qualifier).FirstOrDefault(s => s is not null),
                ClaimedBy = first.ClaimedBy ?? group.Select(g => g.ClaimedBy).FirstOrDefault(s => s is not null),
                When = first.When ?? group.Select(g => g.When).FirstOrDefault(s => s is not null),
            });
        }
        return result;
    }
}
