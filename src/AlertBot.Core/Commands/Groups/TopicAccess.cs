using AlertBot.Core.Audit;
using AlertBot.Core.Storage;

namespace AlertBot.Core.Commands.Groups;

/// <summary>
/// Which topics a community's moderators may change (their own only: the operator's belong to topics.json, another
/// community's are not even visible) and the audit entry every change leaves.
/// </summary>
public sealed class TopicAccess(TopicStore topics, AuditStore audit, TimeProvider time)
{
    /// <summary>The community's own topic, or the refusal to reply with.</summary>
    public async Task<(TopicRecord? Topic, CommandReply? Refusal)> OwnedAsync(CommandRequest request, string id, CancellationToken ct)
    {
        if (id.Length == 0) return (null, CommandReply.Error("Which topic? Give its id, as /topics lists it."));
        var topic = await topics.FindVisibleAsync(id, request.CommunityKey, ct);
        if (topic is null) return (null, CommandReply.Error(ReplyText.NoSuchTopic(id, await topics.VisibleAsync(request.CommunityKey, ct))));
        if (topic.Owner is null)
            return (null, CommandReply.Error($"{topic.Id} is one of the operator's topics (topics.json): only the operator changes it. Make your own with /topic add."));
        return (topic, null);
    }

    /// <summary>Records a moderator's change for /audit, under the community (every channel of a server shares it).</summary>
    public Task RecordAsync(CommandRequest request, string action, string? before, string? after, CancellationToken ct) =>
        audit.RecordAsync(new AuditEntry(request.CommunityTarget, request.UserId, request.UserName, action, before, after, time.GetUtcNow()), ct);
}
