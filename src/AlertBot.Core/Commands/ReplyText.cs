using AlertBot.Core.Storage;
using AlertBot.Core.Subscriptions;

namespace AlertBot.Core.Commands;

/// <summary>Small pieces of reply text several command groups share.</summary>
public static class ReplyText
{
    /// <summary>A query shown back in quotes, unless it already carries its own (a phrase).</summary>
    public static string Quoted(Query query) =>
        query.Normalized.Contains('"', StringComparison.Ordinal) ? query.Normalized : $"\"{query.Normalized}\"";

    /// <summary>"Known topics: a, b." for replies to a topic id that does not exist.</summary>
    public static string KnownTopics(IReadOnlyList<TopicRecord> topics) =>
        topics.Count == 0 ? "No topics are watched yet." : "Known topics: " + string.Join(", ", topics.Select(t => t.Id)) + ".";
}
