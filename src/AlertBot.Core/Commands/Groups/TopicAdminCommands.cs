using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AlertBot.Core.Chats;
using AlertBot.Core.Pipeline;
using AlertBot.Core.Storage;
using AlertBot.Core.Subscriptions;
using Microsoft.Extensions.Options;

namespace AlertBot.Core.Commands.Groups;

/// <summary>
/// The moderators' <c>/topic</c>: a community's own topics (add, edit, remove, pause, resume), their feeds
/// (<see cref="TopicFeedActions"/>) and the health report. Every change is audited.
/// </summary>
public sealed partial class TopicAdminCommands(
    TopicStore topics,
    SourceStore sources,
    SubscriptionStore subscriptions,
    TopicAccess access,
    TopicFeedActions feeds,
    ISourceSchedule schedule,
    IOptions<ChatLimitsOptions> limits,
    TimeProvider time) : ICommandGroup
{
    private static CommandArgSpec TopicArg(string description = "Topic id (see /topics)", bool required = true) =>
        new("topic", description, CommandArgKind.Text, Required: required, SuggestTopics: true);

    private static CommandArgSpec FeedArg(string verb) =>
        new("feed", $"The feed to {verb}: its number in /topic sources, or its URL", CommandArgKind.Text, Required: true);

    public static CommandSpec Topic { get; } = CommandSpec.Group("topic", "Moderators: this community's own topics, their feeds and their health", moderatorOnly: true,
        new("add", "Create a topic of this community", true,
        [
            new("id", "Short id: 1-32 lower-case letters, digits or '-'", CommandArgKind.Text, Required: true),
            new("name", "Its name (in quotes when several words)", CommandArgKind.Text, Required: true),
            new("query", "Only items matching this query become its articles (see /help query)", CommandArgKind.Text, Required: false, Rest: true),
        ]) { Examples = ["/topic add valencia-flood \"Valencia floods\" flood OR dana"] },
        new("edit", "Change a topic's name, query or check interval", true,
        [
            TopicArg(),
            new("field", "name, query or interval", CommandArgKind.Text, Required: true, Choices: ["name", "query", "interval"]),
            new("value", "The new value (an interval as 15m or 1h)", CommandArgKind.Text, Required: true, Rest: true),
        ]) { Examples = ["/topic edit valencia-flood interval 15m", "/topic edit valencia-flood query flood OR dana OR rain"] },
        new("remove", "Remove a topic and its subscriptions (asks to confirm when it has subscribers)", true,
            [TopicArg(), new("confirm", "confirm, to remove a topic that has subscribers", CommandArgKind.Text, Required: false, Choices: ["confirm"])])
            { Examples = ["/topic remove valencia-flood", "/topic remove valencia-flood confirm"] },
        new("pause", "Stop checking and alerting a topic until resumed", true, [TopicArg()]) { Examples = ["/topic pause valencia-flood"] },
        new("resume", "Check and alert a paused topic again", true, [TopicArg()]) { Examples = ["/topic resume valencia-flood"] },
        CommandSpec.Group("source", "A topic's feeds: add, remove, enable", true,
            new("add", "Add a feed, or a web page whose feeds are listed to pick; it is fetched once first", true,
                [TopicArg(), new("url", "The feed's (or web page's) http(s) address", CommandArgKind.Text, Required: true)])
                { Examples = ["/topic source add valencia-flood https://example.org/feed.xml"] },
            new("remove", "Stop using a feed for a topic", true, [TopicArg(), FeedArg("remove")]) { Examples = ["/topic source remove valencia-flood 2"] },
            new("enable", "Turn a disabled feed back on and check it at once", true, [TopicArg(), FeedArg("enable")]) { Examples = ["/topic source enable valencia-flood 2"] }),
        new("sources", "A topic's feeds with their health: ok, failing with the last error, or disabled with why", true, [TopicArg()])
            { Examples = ["/topic sources valencia-flood"] },
        new("status", "The health of the feeds of every topic here, or of one", true, [TopicArg("Topic id (see /topics); all topics when left out", required: false)])
            { Examples = ["/topic status", "/topic status nk-russia"] },
        new("export", "A topic's feeds as an OPML file", true, [TopicArg()]) { Examples = ["/topic export valencia-flood"] },
        new("import", "Add the feeds of an OPML list: a file sent with the command, or its http(s) address", true,
        [
            TopicArg(),
            new("opml", "The OPML list's http(s) address (or send the file instead)", CommandArgKind.Text, Required: false, Rest: true),
            new("file", "An OPML file (Telegram: send the command as the file's caption, or reply to the file with it)", CommandArgKind.File, Required: false),
        ]) { Examples = ["/topic import valencia-flood https://example.org/feeds.opml", "/topic import valencia-flood (with an OPML file attached)"] });

    public IReadOnlyList<CommandSpec> Commands { get; } = [Topic];

    public async Task<CommandReply> HandleAsync(CommandSpec command, CommandRequest request, CancellationToken cancellationToken)
    {
        var args = request.Arguments;
        var topicId = args.TextOrEmpty("topic");
        return request.Subcommand switch
        {
            "add" => await AddAsync(request, args.TextOrEmpty("id"), args.TextOrEmpty("name"), args.TextOrEmpty("query"), cancellationToken),
            "edit" => await EditAsync(request, topicId, args.TextOrEmpty("field"), args.TextOrEmpty("value"), cancellationToken),
            "remove" => await RemoveAsync(request, topicId, args.TextOrEmpty("confirm"), cancellationToken),
            "pause" => await PauseAsync(request, topicId, paused: true, cancellationToken),
            "resume" => await PauseAsync(request, topicId, paused: false, cancellationToken),
            "source add" => await feeds.AddAsync(request, topicId, args.TextOrEmpty("url"), cancellationToken),
            "source remove" => await feeds.RemoveAsync(request, topicId, args.TextOrEmpty("feed"), cancellationToken),
            "source enable" => await feeds.EnableAsync(request, topicId, args.TextOrEmpty("feed"), cancellationToken),
            "export" => await feeds.ExportAsync(request, topicId, cancellationToken),
            "import" => await feeds.ImportAsync(request, topicId, args.TextOrEmpty("opml"), cancellationToken),
            _ => await StatusAsync(request, topicId, cancellationToken),
        };
    }

    private async Task<CommandReply> AddAsync(CommandRequest request, string id, string name, string queryText, CancellationToken ct)
    {
        if (!IdPattern().IsMatch(id) || name.Length == 0)
            return CommandReply.Error("Usage: /topic add <id> <name> [query]. The id is 1-32 lower-case letters, digits or '-'; a name of several words goes in quotes. Example: /topic add valencia-flood \"Valencia floods\" flood OR dana");
        var query = Query.Parse(queryText);
        if (query.Query is null) return CommandReply.Error(ReplyText.QueryProblem(query.Error));
        var existing = await topics.FindAnyAsync(id, ct);
        if (existing is { Removed: false }) return CommandReply.Error($"There is already a topic {existing.Value.Topic.Id}. Choose another id.");
        if (existing is { Removed: true } old && old.Topic.Owner != request.CommunityKey) return CommandReply.Error($"The id {id} is taken. Choose another id.");
        var max = limits.Value.TopicsPerCommunity;
        if (await topics.CountOwnedAsync(request.CommunityKey, ct) >= max)
            return CommandReply.Error($"This community has {max} topics, the most it may have (Limits:TopicsPerCommunity). Remove one first.");

        var topic = new TopicRecord(id, ReplyText.Echo(name, 100), query.Query.Text, limits.Value.MinCommunityIntervalSeconds) { Owner = request.CommunityKey };
        await topics.CreateAsync(topic, request.UserId, ct);
        await access.RecordAsync(request, "topic add " + id, null, Describe(topic), ct);
        return new CommandReply($"Topic {id} created: {Describe(topic)}.\nAdd a feed: /topic source add {id} <feed or web page URL>. Then follow it here: /subscribe {id}");
    }

    private async Task<CommandReply> EditAsync(CommandRequest request, string id, string field, string text, CancellationToken ct)
    {
        var (topic, refusal) = await access.OwnedAsync(request, id, ct);
        if (topic is null) return refusal!;
        TopicRecord changed;
        switch (field.ToLowerInvariant())
        {
            case "name" when text.Length > 0:
                changed = topic with { Name = ReplyText.Echo(text, 100) };
                break;
            case "query":
                var query = Query.Parse(text);
                if (query.Query is null) return CommandReply.Error(ReplyText.QueryProblem(query.Error));
                changed = topic with { Query = query.Query.Text };
                break;
            case "interval" when ParseInterval(text) is { } seconds:
                var min = limits.Value.MinCommunityIntervalSeconds;
                if (seconds < min) return CommandReply.Error($"A community topic is checked at most every {TopicStatusReport.Duration(TimeSpan.FromSeconds(min))} (Limits:MinCommunityIntervalSeconds).");
                if (seconds > 86_400) return CommandReply.Error("The longest interval is 24h.");
                changed = topic with { CheckIntervalSeconds = seconds };
                break;
            default:
                return CommandReply.Error("Usage: /topic edit <id> name <new name> | query <query> | interval <minutes, e.g. 15m or 1h>.");
        }
        await topics.UpdateAsync(changed, ct);
        await access.RecordAsync(request, $"topic edit {topic.Id} {field.ToLowerInvariant()}", Describe(topic), Describe(changed), ct);
        return new CommandReply($"{topic.Id}: {Describe(topic)} → {Describe(changed)}.");
    }

    private async Task<CommandReply> RemoveAsync(CommandRequest request, string id, string value, CancellationToken ct)
    {
        var (topic, refusal) = await access.OwnedAsync(request, id, ct);
        if (topic is null) return refusal!;
        var followers = await subscriptions.CountForTopicAsync(topic.Id, ct);
        if (followers > 0 && !string.Equals(value.Trim(), "confirm", StringComparison.OrdinalIgnoreCase))
        {
            return new CommandReply($"{topic.Id} has {followers} subscription(s); removing it ends them. To go ahead: /topic remove {topic.Id} confirm")
            {
                Actions = [new ReplyAction("Remove " + topic.Id, $"/topic remove {topic.Id} confirm")],
            };
        }
        var removed = await topics.RemoveAsync(topic.Id, ct);
        await access.RecordAsync(request, "topic remove " + topic.Id, Describe(topic), null, ct);
        return new CommandReply($"Topic {topic.Id} removed" + (removed > 0 ? $", with its {removed} subscription(s)." : "."));
    }

    private async Task<CommandReply> PauseAsync(CommandRequest request, string id, bool paused, CancellationToken ct)
    {
        var (topic, refusal) = await access.OwnedAsync(request, id, ct);
        if (topic is null) return refusal!;
        if (topic.Paused == paused) return new CommandReply($"{topic.Id} is already {(paused ? "paused" : "running")}.");
        await topics.UpdateAsync(topic with { Paused = paused }, ct);
        await access.RecordAsync(request, (paused ? "topic pause " : "topic resume ") + topic.Id, paused ? "running" : "paused", paused ? "paused" : "running", ct);
        if (!paused)
        {
            foreach (var feed in await sources.ForTopicAsync(topic.Id, ct))
                if (!feed.Disabled) await schedule.ScheduleAsync(feed.Id, time.GetUtcNow(), ct);
        }
        return new CommandReply(paused ? $"{topic.Id} is paused: its feeds are not checked for it and nothing is alerted until /topic resume {topic.Id}." : $"{topic.Id} is running again.");
    }

    private async Task<CommandReply> StatusAsync(CommandRequest request, string id, CancellationToken ct)
    {
        var visible = await topics.VisibleAsync(request.CommunityKey, ct);
        var shown = id.Length == 0 ? visible : visible.Where(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase)).ToList();
        if (shown.Count == 0) return CommandReply.Error(ReplyText.NoSuchTopic(id, visible));
        var withSources = new List<(TopicRecord, IReadOnlyList<SourceRecord>)>();
        foreach (var t in shown) withSources.Add((t, await sources.ForTopicAsync(t.Id, ct)));
        return new CommandReply(TopicStatusReport.Render(withSources, time.GetUtcNow()));
    }

    internal static string Describe(TopicRecord t)
    {
        var sb = new StringBuilder(t.Name);
        if (t.Query.Length > 0) sb.Append(", query ").Append(t.Query);
        sb.Append(", every ").Append(TopicStatusReport.Duration(TimeSpan.FromSeconds(t.CheckIntervalSeconds)));
        return sb.ToString();
    }

    /// <summary>"15m", "1h", "90s", or a bare number of minutes.</summary>
    internal static long? ParseInterval(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.Length == 0) return null;
        var unit = t[^1] switch { 's' => 1, 'm' => 60, 'h' => 3600, _ => 0 };
        var digits = unit == 0 ? t : t[..^1];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 100_000
            ? n * (unit == 0 ? 60 : unit) : null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex IdPattern();
}
