namespace AlertBot.Core.Storage;

/// <summary>What a check does to its source's fetch state, and the notice its moderators get, if any.</summary>
public abstract record SourceOutcome(DateTimeOffset CheckedAt, DateTimeOffset NextCheckAt, string? Notice)
{
    /// <param name="SkippedItems">Items whose enrichment failed this check; the rest of the feed went through.</param>
    public sealed record Succeeded(
        DateTimeOffset CheckedAt, DateTimeOffset NextCheckAt, string? Etag, string? LastModified, long DripPosition,
        int SkippedItems = 0, string? LastItemError = null, string? Notice = null)
        : SourceOutcome(CheckedAt, NextCheckAt, Notice);

    /// <param name="Disable">The source is not checked again.</param>
    /// <param name="NotFound">The server answered 404 (enough in a row disable the source).</param>
    public sealed record Failed(DateTimeOffset CheckedAt, DateTimeOffset NextCheckAt, string Error, bool Disable = false, bool NotFound = false, string? Notice = null)
        : SourceOutcome(CheckedAt, NextCheckAt, Notice);
}
