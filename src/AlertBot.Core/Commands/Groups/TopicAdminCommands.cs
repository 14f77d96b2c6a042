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
    public const string Usage =
        "Usage: /topic add <id> <name> [query], /topic edit <id> name|query|interval <value>, /topic remove <id>, /topic pause|resume <id>, " +
        "/topic source add|remove|enable <topic> <url or number>, /topic sources <topic>, /topic status [topic], /topic export|import <topic>.";

    private static readonly string[] s_actions =
        ["add", "edit", "remove", "pause", "resume", "source add", "source remove", "source enable", "sources", "status", "export", "import"];

    public static CommandSpec Topic { get; } = new("topic", "Moderators: your community's topics and their feeds (add, edit, remove, pause, resume, source, sources, status, export, import)", true,
    [
        new("action", "add, edit, remove, pause, resume, source add|remove|enable, sources, status, export or import", CommandArgKind.Text, Required: true, Choices: s_actions),
        new("topic", "Topic id (see /topics)", CommandArgKind.Text, Required: false, SuggestTopics: true),
        new("value", "add: <name> [query]; edit: name|query|interval <value>; source: <url or number>; remove: confirm", CommandArgKind.Text, Required: false, Rest: true),
    ])
    {
        Examples =
        [
            "/topic add valencia-flood \"Valencia floods\" flood OR dana", "/topic edit valencia-flood interval 15m", "/topic source add valencia-flood https://example.org/feed.xml",
            "/topic sources valencia-flood", "/topic source enable valencia-flood 2", "/topic pause valencia-flood", "/topic remove valencia-flood", "/topic status",
        ],
    };

    public IReadOnlyList<CommandSpec> Commands { get; } = [Topic];

    public async Task<CommandReply> HandleAsync(CommandSpec command, CommandRequest request, CancellationToken cancellationToken)
    {
        var (action, topicId, value) = Read(request.Arguments);
        return action switch
        {
            "add" => await AddAsync(request, topicId, value, cancellationToken),
            "edit" => await EditAsync(request, topicId, value, cancellationToken),
            "remove" => await RemoveAsync(request, topicId, value, cancellationToken),
            "pause" => await PauseAsync(request, topicId, paused: true, cancellationToken),
            "resume" => await PauseAsync(request, topicId, paused: false, cancellationToken),
            "source add" => await feeds.AddAsync(request, topicId, value, cancellationToken),
            "source remove" => await feeds.RemoveAsync(request, topicId, value, cancellationToken),
            "source enable" => await feeds.EnableAsync(request, topicId, value, cancellationToken),
            "sources" or "status" => await StatusAsync(request, topicId, cancellationToken),
            "export" => await feeds.ExportAsync(request, topicId, cancellationToken),
            "import" => await feeds.ImportAsync(request, topicId, value, cancellationToken),
            _ => CommandReply.Error($"There is no /topic {ReplyText.Echo(action)}. {Usage}"),
        };
    }

    /// <summary>
    /// action, topic, value. Typed "/topic source add t url" arrives as action "source", topic "add": the sub-action is
    /// folded into the action and the words shift; a platform with choices sends "source add" as one action.
    /// </summary>
    internal static (string Action, string Topic, string Value) Read(CommandArguments args)
    {
        var action = args.TextOrEmpty("action").ToLowerInvariant();
        var topic = args.TextOrEmpty("topic");
        var value = args.TextOrEmpty("value");
        if (action == "source")
        {
            action = "source " + topic.ToLowerInvariant();
            (topic, value) = FirstWord(value);
        }
        return (action, topic, value);
    }

    private async Task<CommandReply> AddAsync(CommandRequest request, string id, string value, CancellationToken ct)
    {
        var (name, queryText) = FirstWord(value);
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

    private async Task<CommandReply> EditAsync(CommandRequest request, string id, string value, CancellationToken ct)
    {
        var (topic, refusal) = await access.OwnedAsync(request, id, ct);
        if (topic is null) return refusal!;
        var (field, text) = FirstWord(value);
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
                Confirm = new ReplyButton("Remove " + topic.Id, $"topic remove {topic.Id} confirm"),
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

    /// <summary>The first word (or "quoted phrase") and the rest.</summary>
    internal static (string First, string Remainder) FirstWord(string text)
    {
        var rest = text.Trim();
        if (rest.Length == 0) return ("", "");
        if (rest[0] == '"' && rest.IndexOf('"', 1) is var close and > 0) return (rest[1..close].Trim(), rest[(close + 1)..].Trim());
        var space = rest.IndexOfAny([' ', '\t', '\n']);
        return space < 0 ? (rest, "") : (rest[..space], rest[(space + 1)..].Trim());
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex IdPattern();
}
