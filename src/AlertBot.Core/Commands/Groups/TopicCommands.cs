using System.Globalization;
using System.Text;
using AlertBot.Core.Storage;
using AlertBot.Core.Subscriptions;

namespace AlertBot.Core.Commands.Groups;

/// <summary>/topics and /latest: what the bot watches here and what it found.</summary>
public sealed class TopicCommands(TopicStore topics, ArticleSearch search) : ICommandGroup
{
    private const int MaxLatest = 10;

    public static CommandSpec Topics { get; } = new("topics", "List the topics the bot watches", false, []) { Examples = ["/topics"] };

    public static CommandSpec Latest { get; } = new("latest", "Show the latest stories of a topic (each once, with its outlet count), or those matching a query", false,
    [
        new("topic", "Topic id (see /topics), or a query to search every topic", CommandArgKind.Text, Required: true, SuggestTopics: true),
        new("n", "How many (1-10), or a query within the topic", CommandArgKind.Text, Required: false, Rest: true),
    ])
    {
        Examples = ["/latest nk-russia", "/latest nk-russia 3", "/latest nk-russia casualties", "/latest \"north korea\" troops"],
    };

    public IReadOnlyList<CommandSpec> Commands { get; } = [Topics, Latest];

    public async Task<CommandReply> HandleAsync(CommandSpec command, CommandRequest request, CancellationToken cancellationToken) => command.Name switch
    {
        "topics" => await ListAsync(request, cancellationToken),
        _ => await LatestAsync(request, cancellationToken),
    };

    /// <summary>The operator's topics and this community's own; never another community's.</summary>
    private async Task<CommandReply> ListAsync(CommandRequest request, CancellationToken ct)
    {
        var all = await topics.VisibleAsync(request.CommunityKey, ct);
        if (all.Count == 0) return new CommandReply("No topics are watched yet.");
        var sb = new StringBuilder("Topics:");
        foreach (var t in all)
        {
            sb.Append("\n• ").Append(t.Id).Append(" — ").Append(t.Name);
            if (t.Owner is not null) sb.Append(" (this community's)");
            if (t.Paused) sb.Append(" (paused)");
        }
        sb.Append("\n\nSubscribe with /subscribe <topic> [query].");
        return new CommandReply(sb.ToString());
    }

    /// <summary>/latest &lt;topic&gt; [n | query] or /latest &lt;query&gt; (all topics).</summary>
    private async Task<CommandReply> LatestAsync(CommandRequest request, CancellationToken ct)
    {
        var first = request.Arguments.TextOrEmpty("topic");
        var rest = request.Arguments.TextOrEmpty("n");
        if (first.Length == 0)
            return CommandReply.Error("Usage: /latest <topic> [n or query], or /latest <query> to search every topic. Example: /latest nk-russia 3");
        var topic = await topics.FindVisibleAsync(first, request.CommunityKey, ct);
        var count = 5;
        var queryText = topic is null ? $"{first} {rest}".Trim() : rest;
        if (topic is not null && rest.Length > 0 && rest.All(char.IsAsciiDigit))
        {
            if (!int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxLatest)
                return CommandReply.Error($"n must be a whole number from 1 to {MaxLatest}.");
            queryText = "";
        }
        var parsed = Query.Parse(queryText);
        if (parsed.Query is null) return CommandReply.Error(ReplyText.QueryProblem(parsed.Error));

        var latest = await search.LatestMatchingAsync(topic, request.CommunityKey, parsed.Query, count, ct);
        var name = topic is null ? ReplyText.Quoted(parsed.Query)
            : parsed.Query.MatchesAll ? topic.Name : $"{topic.Name} matching {ReplyText.Quoted(parsed.Query)}";
        if (latest.Count == 0)
        {
            return new CommandReply(topic is null
                ? $"No stored article matches {name}. {ReplyText.KnownTopics(await topics.VisibleAsync(request.CommunityKey, ct))}"
                : parsed.Query.MatchesAll ? $"Nothing stored for {topic.Name} yet. The first check runs shortly." : $"No stored article of {name}.");
        }
        var outlets = await search.OutletCountsAsync(latest, ct);
        var sb = new StringBuilder($"Latest in {name}:");
        foreach (var a in latest)
        {
            sb.Append("\n\n");
            search.Append(sb, a, withSummary: count <= 3, outlets);
        }
        return new CommandReply(sb.ToString());
    }
}
