namespace AlertBot.Core.Topics;

/// <param name="Added">Ids of the feeds newly linked to the topic.</param>
/// <param name="Known">Feeds the topic had already.</param>
/// <param name="Refused">Feeds left out, each with why.</param>
/// <param name="Error">Why nothing was imported, or null.</param>
public sealed record OpmlImportResult(IReadOnlyList<long> Added, int Known, IReadOnlyList<string> Refused, string? Error)
{
    public static OpmlImportResult Failed(string error) => new([], 0, [], error);
}
