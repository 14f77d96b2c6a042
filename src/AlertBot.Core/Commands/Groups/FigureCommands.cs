using AlertBot.Core.Figures;
using AlertBot.Core.Storage;
using AlertBot.Core.Subscriptions;

namespace AlertBot.Core.Commands.Groups;

/// <summary>/figures: the latest figures of a topic, competing estimates side by side.</summary>
public sealed class FigureCommands(TopicStore topics, FigureStore figures, TimeProvider time) : ICommandGroup
{
    public static CommandSpec Figures { get; } = new("figures", "Show the latest figures of a topic: estimates side by side, who claims them", false,
    [
        new("topic", "Topic id (see /topics), or keywords to search all topics", CommandArgKind.Text, Required: true, SuggestTopics: true),
        new("query", "Only figures whose sentence matches these keywords", CommandArgKind.Text, Required: false, Rest: true),
    ])
    {
        Examples = ["/figures nk-russia", "/figures nk-russia casualties", "/figures flood displaced"],
    };

    public IReadOnlyList<CommandSpec> Commands { get; } = [Figures];

    /// <summary>/figures &lt;topic&gt; [query] or /figures &lt;query&gt; (all topics).</summary>
    public async Task<CommandReply> HandleAsync(CommandSpec command, CommandRequest request, CancellationToken cancellationToken)
    {
        var first = request.Arguments.TextOrEmpty("topic");
        var rest = request.Arguments.TextOrEmpty("query");
        if (first.Length == 0) return CommandReply.Error("Usage: /figures <topic> [query]. Example: /figures nk-russia casualties");
        var topic = await topics.FindVisibleAsync(first, request.CommunityKey, cancellationToken);
        var parsed = Query.Parse(topic is null ? $"{first} {rest}".Trim() : rest);
        if (parsed.Query is null) return CommandReply.Error(ReplyText.QueryProblem(parsed.Error));

        // Without a topic: every topic this community sees (the operator's and its own), never another community's.
        var stored = topic is not null
            ? await figures.ForTopicAsync(topic.Id, ct: cancellationToken)
            : await figures.ForTopicsAsync((await topics.VisibleAsync(request.CommunityKey, cancellationToken)).Select(t => t.Id).ToList(), ct: cancellationToken);
        var found = OncePerStory(stored);
        if (!parsed.Query.MatchesAll)
            found = found.Where(f => parsed.Query.Matches(ArticleTokens.From(
                $"{f.Figure.Measure}\n{f.Figure.Subject}\n{f.Figure.ClaimedBy}\n{f.Figure.Quote}\n{f.ArticleTitle}"))).ToList();
        var name = topic is null ? ReplyText.Quoted(parsed.Query)
            : parsed.Query.MatchesAll ? topic.Name : $"{topic.Name} matching {ReplyText.Quoted(parsed.Query)}";
        return new CommandReply(FiguresReport.Render(name, found, time.GetUtcNow()));
    }

    /// <summary>
    /// A figure repeated by copies of one story (the same agency text on several sites, or outlets quoting one claim)
    /// counts once: the newest report of it stays. Figures of articles without a story are all kept.
    /// </summary>
    internal static IReadOnlyList<StoredFigure> OncePerStory(IReadOnlyList<StoredFigure> found)
    {
        var seen = new HashSet<(long, string, double, double?, string?, string?)>();
        return found.Where(f => f.StoryId is not { } story
            || seen.Add((story, f.Figure.Measure, f.Figure.Value, f.Figure.ValueHigh, f.Figure.Unit, f.Figure.ClaimedBy))).ToList();
    }
}
