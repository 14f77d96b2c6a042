using System.Text;
using AlertBot.Core.Chats;
using AlertBot.Core.Storage;
using AlertBot.Core.Subscriptions;

namespace AlertBot.Core.Commands.Groups;

/// <summary>/subscribe, /unsubscribe, /subscriptions: what a chat follows. Changes go through <see cref="ChatLifecycle"/>.</summary>
public sealed class SubscriptionCommands(TopicStore topics, SubscriptionStore subscriptions, ChatLifecycle lifecycle, ArticleSearch search) : ICommandGroup
{
    public static CommandSpec Subscribe { get; } = new("subscribe", "Get alerts for a topic, optionally only those matching a query", false,
    [
        new("topic", "Topic id (see /topics), or * for every topic", CommandArgKind.Text, Required: true, SuggestTopics: true),
        new("query", "Keywords, \"phrases\", OR, -exclude, prefix*; add --digest for digest delivery", CommandArgKind.Text, Required: false, Rest: true),
    ])
    {
        Examples = ["/subscribe nk-russia", "/subscribe nk-russia troops OR soldiers -\"squid game\"", "/subscribe * \"north korea\" missile*", "/subscribe nk-russia troops --digest"],
    };

    public static CommandSpec Unsubscribe { get; } = new("unsubscribe", "Stop a subscription", false,
    [
        new("id", "Subscription id (see /subscriptions)", CommandArgKind.Integer, Required: true),
    ])
    {
        Examples = ["/unsubscribe 4"],
    };

    public static CommandSpec Subscriptions { get; } = new("subscriptions", "List the subscriptions of this chat", false, []) { Examples = ["/subscriptions"] };

    public IReadOnlyList<CommandSpec> Commands { get; } = [Subscribe, Unsubscribe, Subscriptions];

    private static readonly System.Text.RegularExpressions.Regex s_digestFlag =
        new(@"(^|\s)--digest(\s|$)", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    public async Task<CommandReply> HandleAsync(CommandSpec command, CommandRequest request, CancellationToken cancellationToken) => command.Name switch
    {
        "subscribe" => await SubscribeAsync(request, cancellationToken),
        "unsubscribe" => await UnsubscribeAsync(request, cancellationToken),
        _ => await ListAsync(request, cancellationToken),
    };

    private async Task<CommandReply> SubscribeAsync(CommandRequest request, CancellationToken ct)
    {
        var topicArg = request.Arguments.TextOrEmpty("topic");
        var queryText = request.Arguments.TextOrEmpty("query");
        // "--digest" (anywhere after the topic): this subscription's alerts wait for the channel's digest times.
        var digest = s_digestFlag.IsMatch(queryText);
        if (digest) queryText = s_digestFlag.Replace(queryText, " ").Trim();
        if (topicArg.Length == 0)
            return CommandReply.Error("Usage: /subscribe <topic> [query], or /subscribe * <query> for every topic. Example: /subscribe nk-russia troops. See /topics for topic ids.");
        if (!request.IsPrivateChat && !request.IsModerator)
            return CommandReply.Error("In a group or channel only moderators can subscribe it. Send me a direct message to subscribe for yourself.");
        // A chat the bot could never deliver to is refused now, not discovered at the first alert.
        if (request.MissingAlertPermissions is { } missing)
            return CommandReply.Error($"I can't post alerts here: I am missing {missing}. Ask an admin to grant them to me here, then subscribe again.");
        // "*" (or "all") spans every topic; each topic's own query still applies first.
        var allTopics = topicArg is "*" or "all";
        var topic = allTopics ? null : await topics.FindVisibleAsync(topicArg, request.CommunityKey, ct);
        if (!allTopics && topic is null) return CommandReply.Error(ReplyText.NoSuchTopic(topicArg, await topics.VisibleAsync(request.CommunityKey, ct)));

        var parsed = Query.Parse(queryText);
        if (parsed.Query is null) return CommandReply.Error(ReplyText.QueryProblem(parsed.Error));
        if (allTopics && parsed.Query.MatchesAll)
            return CommandReply.Error("A subscription to every topic needs a query, for example: /subscribe * \"north korea\" troops");

        var outcome = await lifecycle.SubscribeAsync(
            new NewSubscription(request.Chat, request.IsPrivateChat, request.UserId, topic?.Id, parsed.Query.Text), parsed.Query, ct);
        var what = parsed.Query.MatchesAll ? "every new article" : $"new articles matching {ReplyText.Quoted(parsed.Query)}";
        switch (outcome)
        {
            case SubscribeOutcome.AlreadySubscribed same:
                return new CommandReply($"Already subscribed (#{same.Id}): {what} in {topic?.Name ?? "all topics"}." +
                    (same.ChatReenabled ? " Alerts to this chat are resumed." : ""));
            case SubscribeOutcome.LimitReached limit:
                return CommandReply.Error($"This chat already has {limit.Limit} subscriptions, the most it may have. " +
                    "Remove one with /unsubscribe <id> first; /subscriptions lists them.");
        }
        var id = ((SubscribeOutcome.Added)outcome).Id;
        if (digest) await subscriptions.SetDigestAsync(id, true, ct);
        var sb = new StringBuilder($"Subscribed (#{id}): {what} in {topic?.Name ?? "all topics"}{(digest ? ", in this channel's digests" : "")}. Stop with /unsubscribe {id}.");
        var latest = await search.LatestMatchingAsync(topic, request.CommunityKey, parsed.Query, 1, ct);
        if (latest.Count > 0)
        {
            sb.Append("\n\nLatest while you wait:\n");
            search.Append(sb, latest[0], withSummary: true);
        }
        return new CommandReply(sb.ToString());
    }

    private async Task<CommandReply> UnsubscribeAsync(CommandRequest request, CancellationToken ct)
    {
        if (request.Arguments.Integer("id") is not { } id)
            return CommandReply.Error("Usage: /unsubscribe <id>. /subscriptions lists the ids.");
        if (!request.IsPrivateChat && !request.IsModerator)
            return CommandReply.Error("In a group or channel only moderators can change its subscriptions.");
        if (!await lifecycle.UnsubscribeAsync(request.Chat, id, ct))
            return CommandReply.Error($"This chat has no subscription #{id}. /subscriptions lists them.");
        return new CommandReply($"Unsubscribed #{id}.");
    }

    private async Task<CommandReply> ListAsync(CommandRequest request, CancellationToken ct)
    {
        var list = await subscriptions.ListForChatAsync(request.Chat, ct);
        if (list.Count == 0) return new CommandReply("This chat has no subscriptions. Try /subscribe nk-russia troops.");
        var sb = new StringBuilder("Subscriptions of this chat:");
        foreach (var s in list)
        {
            // Shown as the query language reads: quotes only where the query has a phrase.
            var shown = Query.Parse(s.Query).Query is { MatchesAll: false } q ? ReplyText.Echo(q.Normalized, QueryLimits.MaxLength) : "everything";
            sb.Append("\n#").Append(s.Id).Append(' ').Append(s.TopicId ?? "all topics").Append(": ").Append(shown);
        }
        return new CommandReply(sb.ToString());
    }
}
