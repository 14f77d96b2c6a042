namespace AlertBot.Core.Stories;

/// <summary>
/// What tells one occurrence from a look-alike, read from a report's title and first sentence (where reports
/// say what happened, where and when; later sentences recall earlier events). Each part may be missing.
/// </summary>
/// <param name="Magnitude">The first earthquake magnitude ("magnitude-7.8", "6.4-magnitude").</param>
/// <param name="EventDate">The first calendar date ("Oct 7", "6 February 2023"), its year from the report's date.</param>
/// <param name="Ordinals">"noun#n" for numbered occurrences: "round#2" (second round, runoff), "flight#1".</param>
/// <param name="Operations">Named operations, folded ("operation iron swords").</param>
/// <param name="Identifiers">"head#number" for names with numbers: "flight#370", "f#16", "game#7".</param>
/// <param name="Locations">Places the report says it happened in ("over Lake Huron"), each as its words' hashes.</param>
/// <param name="Names">Who or what the headline is about ("Liz Truss", "SpaceX"), each as its words' hashes.</param>
/// <param name="Recurrence">Stem ids of what the report calls "another" / "a fresh" one ("another unidentified flying
/// object"): a new occurrence of that kind of thing.</param>
internal sealed record Specifics(
    double? Magnitude,
    DateOnly? EventDate,
    IReadOnlyList<string> Ordinals,
    IReadOnlyList<string> Operations,
    IReadOnlyList<string> Identifiers,
    IReadOnlyList<uint[]> Locations,
    IReadOnlyList<uint[]> Names,
    IReadOnlyList<int> Recurrence);
