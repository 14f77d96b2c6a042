namespace AlertBot.Core.Figures;

/// <summary>What one sentence hands to the next: the last claimant, the last counted noun, the main subject.</summary>
internal sealed class ExtractionState(List<Token> tokens)
{
    private readonly List<Figure> _figures = [];

    /// <summary>The current sentence's tokens: one list for the whole article (the caller's), refilled per sentence.</summary>
    public List<Token> Tokens { get; } = tokens;

    /// <summary>The sentences without a number read since the last one with a number, in order (see <see cref="SentenceReader"/>).</summary>
    public List<string> Pending { get; } = [];

    /// <summary>Tokens of a pending sentence, while the current sentence's are in <see cref="Tokens"/>.</summary>
    public List<Token> PendingTokens { get; } = [];

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
        // The most frequent such subject; of equally frequent ones, the first mentioned.
        var suffix = " " + noun;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var f in _figures)
        {
            if (f.Subject is not { } subject || !subject.EndsWith(suffix, StringComparison.Ordinal)) continue;
            if (counts.TryGetValue(subject, out var seen)) counts[subject] = seen + 1;
            else { counts[subject] = 1; order.Add(subject); }
        }
        string? best = null;
        foreach (var subject in order)
            if (best is null || counts[subject] > counts[best]) best = subject;
        return best;
    }

    public void Add(Figure figure) => _figures.Add(figure);

    /// <summary>One figure per (value, range, unit, measure), in order of first mention: a repeated figure fills in what its first mention lacked.</summary>
    public IReadOnlyList<Figure> Result()
    {
        // "hundreds feared dead" is only a lower bound where the story gives no number for that measure.
        var counted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in _figures)
            if (!FigureFormat.IsMagnitude(f)) counted.Add(f.Measure);
        var result = new List<Figure>();
        var firstMention = new Dictionary<(double, double?, string?, string), int>();
        foreach (var f in _figures)
        {
            if (FigureFormat.IsMagnitude(f) && counted.Contains(f.Measure)) continue;
            if (!firstMention.TryGetValue((f.Value, f.ValueHigh, f.Unit, f.Measure), out var at))
            {
                firstMention.Add((f.Value, f.ValueHigh, f.Unit, f.Measure), result.Count);
                result.Add(f);
                continue;
            }
            var first = result[at];
            if (first.Subject is null && f.Subject is not null || first.Qualifier is null && f.Qualifier is not null ||
                first.ClaimedBy is null && f.ClaimedBy is not null || first.When is null && f.When is not null)
                result[at] = first with
                {
                    Subject = first.Subject ?? f.Subject,
                    Qualifier = first.Qualifier ?? f.Qualifier,
                    ClaimedBy = first.ClaimedBy ?? f.ClaimedBy,
                    When = first.When ?? f.When,
                };
        }
        return result;
    }
}
