using System.Globalization;
using System.Text;
using AlertBot.Core.Chats;
using AlertBot.Core.Figures;
using AlertBot.Core.Storage;
using AlertBot.Core.Subscriptions;
using Microsoft.Extensions.Logging;

namespace AlertBot.Core.Commands;

/// <summary>
/// The platform-neutral command logic. Each command runs isolated: a failure becomes an apologetic
/// reply and a log entry, never an exception in the platform's receive loop.
/// </summary>
public sealed class CommandDispatcher(
    TopicStore topics,
    SourceStore sources,
    ArticleStore articles,
    FigureStore figures,
    SubscriptionStore subscriptions,
    ChatLifecycle lifecycle,
    TimeProvider time,
    ILogger<CommandDispatcher> logger) : ICommandHandler
{
    private const int MaxLatest = 10;

    public async Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var spec = CommandCatalog.Find(request.Name);
        if (spec is null)
            return CommandReply.Error($"Unknown command /{request.Name}. Type /help to see what I can do.");
        if (spec.ModeratorOnly && !request.IsModerator)
            return CommandReply.Error($"/{spec.Name} is for moderators of this chat.");

        try
        {
            return spec.Name switch
            {
                "help" => Help(),
                "topics" => await TopicsAsync(cancellationToken),
                "subscribe" => await SubscribeAsync(request, cancellationToken),
                "unsubscribe" => await UnsubscribeAsync(request, cancellationToken),
                "subscriptions" => await SubscriptionsAsync(request, cancellationToken),
                "latest" => await LatestAsync(request, cancellationToken),
                "figures" => await FiguresAsync(request, cancellationToken),
                "topic" => await TopicAsync(request, cancellationToken),
                _ => CommandReply.Error($"/{spec.Name} is not available yet."),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Command /{Command} from {Chat} failed", request.Name, request.Chat);
            return CommandReply.Error($"Sorry, /{request.Name} failed on my side. It has been logged; please try again later.");
        }
    }

    public async Task<IReadOnlyList<string>> SuggestAsync(string command, string argument, string partial, CancellationToken cancellationToken)
    {
        var spec = CommandCatalog.Find(command);
        if (spec?.Args.FirstOrDefault(a => a.Name == argument) is not { SuggestTopics: true }) return [];
        return (await topics.ListAsync(cancellationToken))
            .Where(t => t.Id.StartsWith(partial, StringComparison.OrdinalIgnoreCase) || t.Name.Contains(partial, StringComparison.OrdinalIgnoreCase))
            .Select(t => t.Id).Take(25).ToList();
    }

    private static CommandReply Help()
    {
        var sb = new StringBuilder("I watch news topics and post new articles with their key figures.\n");
        foreach (var c in CommandCatalog.All)
            sb.Append('\n').Append(c.Usage).Append(" — ").Append(c.Description).Append(c.ModeratorOnly ? " (moderators)" : "");
        sb.Append("\n\nExample: /subscribe nk-russia troops");
        return new CommandReply(sb.ToString());
    }

    private async Task<CommandReply> TopicsAsync(CancellationToken ct)
    {
        var all = await topics.ListAsync(ct);
        if (all.Count == 0) return new CommandReply("No topics are watched yet.");
        var sb = new StringBuilder("Topics:");
        foreach (var t in all) sb.Append("\n• ").Append(t.Id).Append(" — ").Append(t.Name);
        sb.Append("\n\nSubscribe with /subscribe <topic> [query].");
        return new CommandReply(sb.ToString());
    }

    private async Task<CommandReply> SubscribeAsync(CommandRequest request, CancellationToken ct)
    {
        var topicArg = request.Arguments.TextOrEmpty("topic");
        var queryText = request.Arguments.TextOrEmpty("query");
        if (topicArg.Length == 0)
            return CommandReply.Error("Usage: /subscribe <topic> [query], or /subscribe * <query> for every topic. Example: /subscribe nk-russia troops. See /topics for topic ids.");
        if (!request.IsPrivateChat && !request.IsModerator)
            return CommandReply.Error("In a group or channel only moderators can subscribe it. Send me a direct message to subscribe for yourself.");
        // A chat the bot could never deliver to is refused now, not discovered at the first alert.
        if (request.MissingAlertPermissions is { } missing)
            return CommandReply.Error($"I can't post alerts here: I am missing {missing}. Ask an admin to grant them to me here, then subscribe again.");
        // "*" (or "all") spans every topic; each topic's own query still applies first.
        var allTopics = topicArg is "*" or "all";
        var topic = allTopics ? null : await topics.FindAsync(topicArg, ct);
        if (!allTopics && topic is null) return CommandReply.Error($"There is no topic '{topicArg}'. {await KnownTopicsAsync(ct)}");

        var parsed = Query.Parse(queryText);
        if (parsed.Query is null) return CommandReply.Error($"That query has a problem: {parsed.Error}.");
        if (allTopics && parsed.Query.MatchesAll)
            return CommandReply.Error("A subscription to every topic needs a query, for example: /subscribe * \"north korea\" troops");

        var outcome = await lifecycle.SubscribeAsync(
            new NewSubscription(request.Chat, request.IsPrivateChat, request.UserId, topic?.Id, parsed.Query.Text), parsed.Query, ct);
        var what = parsed.Query.MatchesAll ? "every new article" : $"new articles matching {Quoted(parsed.Query)}";
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
        var sb = new StringBuilder($"Subscribed (#{id}): {what} in {topic?.Name ?? "all topics"}. Stop with /unsubscribe {id}.");
        var latest = await LatestMatchingAsync(topic?.Id, parsed.Query, 1, ct);
        if (latest.Count > 0)
        {
            sb.Append("\n\nLatest while you wait:\n");
            AppendArticle(sb, latest[0], withSummary: true);
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

    private async Task<CommandReply> SubscriptionsAsync(CommandRequest request, CancellationToken ct)
    {
        var list = await subscriptions.ListForChatAsync(request.Chat, ct);
        if (list.Count == 0) return new CommandReply("This chat has no subscriptions. Try /subscribe nk-russia troops.");
        var sb = new StringBuilder("Subscriptions of this chat:");
        foreach (var s in list)
        {
            var shown = Query.Parse(s.Query).Query is { MatchesAll: false } q ? Quoted(q) : "everything";
            sb.Append("\n#").Append(s.Id).Append(' ').Append(s.TopicId ?? "all topics").Append(": ").Append(shown);
        }
        return new CommandReply(sb.ToString());
    }

    /// <summary>/latest &lt;topic&gt; [n | query] or /latest &lt;query&gt; (all topics).</summary>
    private async Task<CommandReply> LatestAsync(CommandRequest request, CancellationToken ct)
    {
        var first = request.Arguments.TextOrEmpty("topic");
        var rest = request.Arguments.TextOrEmpty("n");
        if (first.Length == 0)
            return CommandReply.Error("Usage: /latest <topic> [n or query], or /latest <query> to search every topic. Example: /latest nk-russia 3");
        var topic = await topics.FindAsync(first, ct);
        var count = 5;
        var queryText = topic is null ? $"{first} {rest}".Trim() : rest;
        if (topic is not null && rest.Length > 0 && rest.All(char.IsAsciiDigit))
        {
            if (!int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxLatest)
                return CommandReply.Error($"n must be a whole number from 1 to {MaxLatest}.");
            queryText = "";
        }
        var parsed = Query.Parse(queryText);
        if (parsed.Query is null) return CommandReply.Error($"That query has a problem: {parsed.Error}.");

        var latest = await LatestMatchingAsync(topic?.Id, parsed.Query, count, ct);
        var name = topic is null ? Quoted(parsed.Query) : parsed.Query.MatchesAll ? topic.Name : $"{topic.Name} matching {Quoted(parsed.Query)}";
        if (latest.Count == 0)
        {
            return new CommandReply(topic is null
                ? $"No stored article matches {name}. {await KnownTopicsAsync(ct)}"
                : parsed.Query.MatchesAll ? $"Nothing stored for {topic.Name} yet. The first check runs shortly." : $"No stored article of {name}.");
        }
        var sb = new StringBuilder($"Latest in {name}:");
        foreach (var a in latest)
        {
            sb.Append("\n\n");
            AppendArticle(sb, a, withSummary: count <= 3);
        }
        return new CommandReply(sb.ToString());
    }

    /// <summary>
    /// The newest stored articles (of one topic, or of all when null) that pass their topic's own
    /// query and then <paramref name="query"/>. Looks at a bounded window of recent articles.
    /// </summary>
    private async Task<IReadOnlyList<ArticleRecord>> LatestMatchingAsync(string? topicId, Query query, int count, CancellationToken ct)
    {
        const int Window = 500;
        var topicQueries = (await topics.ListAsync(ct)).ToDictionary(t => t.Id, t => Query.Parse(t.Query).Query, StringComparer.Ordinal);
        var found = new List<ArticleRecord>();
        foreach (var a in await articles.LatestAsync(topicId, Window, ct))
        {
            var tokens = ArticleTokens.From(a.Title + "\n" + a.Text);
            if (topicQueries.GetValueOrDefault(a.TopicId) is { } topicQuery && !topicQuery.Matches(tokens)) continue;
            if (!query.Matches(tokens)) continue;
            found.Add(a);
            if (found.Count == count) break;
        }
        return found;
    }

    /// <summary>/figures &lt;topic&gt; [query] or /figures &lt;query&gt; (all topics).</summary>
    private async Task<CommandReply> FiguresAsync(CommandRequest request, CancellationToken ct)
    {
        var first = request.Arguments.TextOrEmpty("topic");
        var rest = request.Arguments.TextOrEmpty("query");
        if (first.Length == 0) return CommandReply.Error("Usage: /figures <topic> [query]. Example: /figures nk-russia casualties");
        var topic = await topics.FindAsync(first, ct);
        var queryText = topic is null ? $"{first} {rest}".Trim() : rest;
        var parsed = Query.Parse(queryText);
        if (parsed.Query is null) return CommandReply.Error($"That query has a problem: {parsed.Error}.");

        var found = await figures.ForTopicAsync(topic?.Id, ct: ct);
        if (!parsed.Query.MatchesAll)
            found = found.Where(f => parsed.Query.Matches(ArticleTokens.From(
                $"{f.Figure.Measure}\n{f.Figure.Subject}\n{f.Figure.ClaimedBy}\n{f.Figure.Quote}\n{f.ArticleTitle}"))).ToList();
        var name = topic is null ? Quoted(parsed.Query) : parsed.Query.MatchesAll ? topic.Name : $"{topic.Name} matching {Quoted(parsed.Query)}";
        return new CommandReply(FiguresReport.Render(name, found, time.GetUtcNow()));
    }

    /// <summary>/topic status [topic]: what moderators need to see about sources (DESIGN: last error, last success, next check).</summary>
    private async Task<CommandReply> TopicAsync(CommandRequest request, CancellationToken ct)
    {
        var action = request.Arguments.TextOrEmpty("action");
        var topicArg = request.Arguments.TextOrEmpty("topic");
        if (!string.Equals(action, "status", StringComparison.OrdinalIgnoreCase))
            return CommandReply.Error("Usage: /topic status [topic]. Adding and removing topics from chat is not available yet.");

        var all = await topics.ListAsync(ct);
        var shown = topicArg.Length == 0 ? all : all.Where(t => string.Equals(t.Id, topicArg, StringComparison.OrdinalIgnoreCase)).ToList();
        if (shown.Count == 0) return CommandReply.Error($"There is no topic '{topicArg}'. {await KnownTopicsAsync(ct)}");

        return new CommandReply(TopicStatusReport.Render(shown, await sources.ListAsync(ct), time.GetUtcNow()));
    }

    private void AppendArticle(StringBuilder sb, ArticleRecord a, bool withSummary)
    {
        sb.Append("• ").Append(a.Title);
        var meta = new List<string>();
        if (a.Outlet is not null) meta.Add(a.Outlet);
        meta.Add(RelativeTime.Ago(time.GetUtcNow(), a.PublishedAt ?? a.FetchedAt));
        sb.Append(" (").Append(string.Join(", ", meta)).Append(')');
        if (withSummary && a.Summary.Length > 0) sb.Append('\n').Append(a.Summary);
        if (a.Link is not null) sb.Append('\n').Append(a.Link);
    }

    private async Task<string> KnownTopicsAsync(CancellationToken ct)
    {
        var ids = (await topics.ListAsync(ct)).Select(t => t.Id).ToList();
        return ids.Count == 0 ? "No topics are watched yet." : "Known topics: " + string.Join(", ", ids) + ".";
    }

    /// <summary>A query shown back in quotes, unless it already carries its own (a phrase).</summary>
    private static string Quoted(Query query) =>
        query.Normalized.Contains('"', StringComparison.Ordinal) ? query.Normalized : $"\"{query.Normalized}\"";
}
