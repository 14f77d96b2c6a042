namespace AlertBot.Core.Figures;

/// <summary>
/// A number a story reports about its subject. Keys mirror shared/data/figures-dev.jsonl.
/// </summary>
public sealed record Figure
{
    public required double Value { get; init; }
    /// <summary>Upper end of a range ("10,000 to 12,000"), else null.</summary>
    public double? ValueHigh { get; init; }
    /// <summary>Null for a count of people or things; a currency code ("USD", "EUR", "GBP", "INR") for money; "%" for a rate or share.</summary>
    public string? Unit { get; init; }
    /// <summary>Normalised counted thing: "troops deployed", "casualties", "killed", "army size", "aid package (EUR)", "turnout (%)", …</summary>
    public required string Measure { get; init; }
    /// <summary>Whose: "North Korean troops".</summary>
    public string? Subject { get; init; }
    /// <summary>approximately, more than, up to, additional, estimated, at least, order of magnitude…</summary>
    public string? Qualifier { get; init; }
    public string? ClaimedBy { get; init; }
    public string? When { get; init; }
    /// <summary>The sentence (or table row) it came from.</summary>
    public required string Quote { get; init; }
}
