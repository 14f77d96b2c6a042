using System.Text;
using AlertBot.Core.Delivery;
using AlertBot.Core.Figures;
using AlertBot.Core.Storage;

namespace AlertBot.Core.Commands.Groups;

/// <summary>/story: every report of one story, with its outlet, time and figures.</summary>
public sealed class StoryCommands(StoryStore stories, ArticleStore articles, FigureStore figures, TimeProvider time) : ICommandGroup
{
    /// <summary>Reports listed before the rest are counted (a story a hundred outlets carried stays one message).</summary>
    public const int MaxReports = 15;

    public static CommandSpec Story { get; } = new("story", "Show every report of one story: outlet, time and figures", false,
    [
        new("id", "Story number (shown by /latest)", CommandArgKind.Integer, Required: true),
    ])
    {
        Examples = ["/story 12"],
    };

    public IReadOnlyList<CommandSpec> Commands { get; } = [Story];

    public async Task<CommandReply> HandleAsync(CommandSpec command, CommandRequest request, CancellationToken cancellationToken)
    {
        if (request.Arguments.Integer("id") is not { } id) return CommandReply.Error("Usage: /story <number>. Story numbers are shown by /latest. Example: /story 12");
        if (await stories.FindAsync(id, cancellationToken) is not { } story) return CommandReply.Error($"There is no story #{id}. Story numbers are shown by /latest.");
        var reports = await articles.OfStoriesAsync([id], cancellationToken);
        var byArticle = await figures.ForArticlesAsync(reports.Select(r => r.Id).ToList(), cancellationToken);
        var now = time.GetUtcNow();
        var outlets = reports.Select(r => r.Outlet).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Count();

        var sb = new StringBuilder();
        sb.Append("Story #").Append(id).Append(": ").Append(story.Title);
        sb.Append("\nFirst seen ").Append(RelativeTime.Ago(now, story.FirstSeenAt)).Append(" · ").Append(reports.Count)
            .Append(reports.Count == 1 ? " report" : " reports").Append(" from ").Append(outlets).Append(outlets == 1 ? " outlet" : " outlets");
        foreach (var r in reports.Take(MaxReports))
        {
            sb.Append("\n\n• ").Append(r.Outlet ?? "unknown outlet").Append(", ").Append(RelativeTime.Ago(now, r.PublishedAt ?? r.FetchedAt)).Append(": ").Append(r.Title);
            var key = KeyFigures.Select(byArticle.GetValueOrDefault(r.Id) ?? [], AlertComposer.KeyFigureCount);
            if (key.Count > 0) sb.Append("\n  Figures: ").Append(string.Join("; ", key.Select(f => FigureFormat.Describe(f) + (f.ClaimedBy is null ? "" : $" ({f.ClaimedBy})"))));
            if (r.Link is not null) sb.Append("\n  ").Append(r.Link);
        }
        if (reports.Count > MaxReports) sb.Append("\n\n… and ").Append(reports.Count - MaxReports).Append(" more reports.");
        return new CommandReply(sb.ToString());
    }
}
