namespace AlertBot.Core.Audit;

/// <summary>One moderator action in a chat: who did what, before → after. What <c>/audit</c> lists.</summary>
/// <param name="Action">What was done, as a command would say it ("channel set quiet").</param>
/// <param name="Before">The value before the change, as shown to people; null when there was none.</param>
/// <param name="After">The value after the change; null when something was removed.</param>
public sealed record AuditEntry(ChatTarget Chat, string UserId, string? UserName, string Action, string? Before, string? After, DateTimeOffset At);
