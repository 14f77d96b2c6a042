using System.Text;
using AlertBot.Core.Delivery;
using AlertBot.Core.Figures;
using AlertBot.Core.Storage;

namespace AlertBot.Core.Channels;

/// <summary>
/// One plain-text message for a held digest (quiet hours, digest time, hourly cap, resume): its
/// stories grouped by topic (one alert per story), each with the other outlets that reported it, its summary line and
/// key figures as the channel wants them.
/// Platforms split the text at their own limits, on line boundaries.
/// </summary>
public sealed class DigestComposer(ArticleStore articles, TopicStore topics, FigureStore figures)
{
    /// <summary>How many articles a digest lists before pointing at /latest.</summary>
    public const int Listed = 40;

    public async Task<string?> ComposeAsync(IReadOnlyList<OutboxRecord> rows, ChannelSettings settings, CancellationToken ct)
    {
        var list = new List<ArticleRecord>();
        foreach (var id in rows.Select(r => r.ArticleId).OfType<long>().Distinct())
            if (await articles.FindAsync(id, ct) is { } a) list.Add(a);
        if (list.Count == 0) return null;

        var also = await AlsoReported.LinesAsync(articles, list, ct);
        var sb = new StringBuilder();
        sb.Append("Digest: ").Append(list.Count).Append(list.Count == 1 ? " new article" : " new articles");
        var shown = 0;
        foreach (var group in list.GroupBy(a => a.TopicId).OrderByDescending(g => g.Count()))
        {
            var topic = await topics.FindAsync(group.Key, ct);
            sb.Append("\n\n").Append(topic?.Name ?? group.Key).Append(" (").Append(group.Count()).Append(')');
            var groupShown = 0;
            foreach (var a in group.OrderByDescending(a => a.PublishedAt ?? a.FetchedAt))
            {
                if (shown == Listed) break;
                await AppendAsync(sb, a, also.GetValueOrDefault(a.Id), settings, ct);
                shown++;
                groupShown++;
            }
            if (groupShown < group.Count())
                sb.Append("\n… and ").Append(group.Count() - groupShown).Append(" more: /latest ").Append(group.Key);
        }
        return sb.ToString();
    }

    private async Task AppendAsync(StringBuilder sb, ArticleRecord a, string? alsoReported, ChannelSettings settings, CancellationToken ct)
    {
        sb.Append("\n• ").Append(a.Title);
        if (a.Outlet is not null) sb.Append(" (").Append(a.Outlet).Append(')');
        if (alsoReported is not null) sb.Append("\n  ").Append(alsoReported);
        if (a.Summary.Length > 0) sb.Append("\n  ").Append(SummaryCut.Cut(a.Summary, settings.SummaryLength));
        if (settings.Figures)
        {
            var key = KeyFigures.Select(await figures.ForArticleAsync(a.Id, ct), AlertComposer.KeyFigureCount);
            if (key.Count > 0) sb.Append("\n  Figures: ").Append(string.Join("; ", key.Select(FigureFormat.Describe)));
        }
        if (a.Link is not null) sb.Append("\n  ").Append(a.Link);
    }
}
