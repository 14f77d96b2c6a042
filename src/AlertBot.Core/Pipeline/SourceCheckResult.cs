namespace AlertBot.Core.Pipeline;

/// <param name="NewArticles">Articles stored for the first time.</param>
/// <param name="Alerts">Outbox rows written.</param>
/// <param name="Error">Why the check failed, or null.</param>
/// <param name="NotDue">A scheduled run found the source backing off and did not fetch it.</param>
/// <param name="Busy">Another process was checking the source; this run skipped it.</param>
public sealed record SourceCheckResult(long SourceId, int NewArticles, int Alerts, string? Error, bool NotModified = false, bool NotDue = false, bool Busy = false);
