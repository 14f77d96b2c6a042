using AlertBot.Core.Storage;

namespace AlertBot.Core.Pipeline;

/// <summary>
/// What a topic's moderators are told when one of its sources starts failing, is disabled, or recovers. The notices are
/// outbox rows written in the check's commit, so a failed send is retried like an alert instead of being lost.
/// </summary>
public static class SourceNotices
{
    public static string Failing(TopicRecord topic, string url, string error, long failures, DateTimeOffset nextCheck) =>
        $"⚠ A source of \"{topic.Name}\" is failing: {url}\n{error}\n{failures} checks in a row have failed; " +
        $"next try {nextCheck.UtcDateTime:yyyy-MM-dd HH:mm} UTC. You will hear from me again when it recovers.";

    public static string Disabled(TopicRecord topic, string url, string error) =>
        $"⛔ A source of \"{topic.Name}\" was disabled: {url}\n{error}\nIt will not be checked again; replace or remove it.";

    public static string Recovered(TopicRecord topic, string url, long failures) =>
        $"✅ A source of \"{topic.Name}\" works again: {url} (after {failures} failed checks).";
}
