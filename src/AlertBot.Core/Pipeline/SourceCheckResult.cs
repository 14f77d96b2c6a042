namespace AlertBot.Core.Pipeline;

/// <param name="NewArticles">Articles stored for the first time.</param>
/// <param name="Alerts">Outbox rows written.</param>
/// <param name="Error">Why the check failed, or null.</param>
/// <param name="NextCheckAt">When the source is due again (its interval, or its backoff); null when it is not checked again.</param>
/// <param name="SkippedItems">Items left out because enriching them failed.</param>
/// <param name="Busy">Another process was checking the source; this run skipped it.</param>
public sealed record SourceCheckResult(
    long SourceId, int NewArticles, int Alerts, string? Error, bool NotModified = false, DateTimeOffset? NextCheckAt = null, int SkippedItems = 0,
    bool Busy = false);
