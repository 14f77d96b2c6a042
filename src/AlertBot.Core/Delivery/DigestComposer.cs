using System.Text;
using AlertBot.Core.Channels;
using AlertBot.Core.Figures;
using AlertBot.Core.Storage;

namespace AlertBot.Core.Delivery;

/// <summary>
/// The one renderer of digests, for a burst from one check and for a held digest (quiet hours, digest time, hourly
/// cap, resume) alike: its stories grouped by topic (one alert per story), newest first, each with the other outlets
/// that reported it, its summary line and key figures as the channel wants them. Platforms split the text at their
/// own limits, on line boundaries. Articles, stories, topics and figures are read once per digest.
/// </summary>
public sealed class DigestComposer(ArticleStore articles, TopicStore topics, FigureStore figures)
{
    /// <summary>How many articles a digest lists before pointing at /latest.</summary>
    public const int Listed = 40;

    public async Task<DigestText?> ComposeAsync(IReadOnlyList<OutboxRecord> rows, ChannelSettings settings, CancellationToken ct)
    {
        var stored = await articles.FindManyAsync(rows.Select(r => r.ArticleId).OfType<long>().Distinct().ToList(), ct);
        if (stored.Count == 0) return null;
        var topicNames = (await topics.ListAsync(ct)).ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
        var figuresByArticle = settings.Figures
            ? await figures.ForArticlesAsync(stored.Keys.ToList(), ct)
            : new Dictionary<long, IReadOnlyList<Figure>>();
        var also = await AlsoReported.LinesAsync(articles, stored.Values.ToList(), ct);

        var sb = new StringBuilder();
        sb.Append("Digest: ").Append(stored.Count).Append(stored.Count == 1 ? " new article" : " new articles");
        var shown = 0;
        string? previewLink = null;
        foreach (var group in stored.Values.GroupBy(a => a.TopicId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append("\n\n").Append(topicNames.GetValueOrDefault(group.Key) ?? group.Key).Append(" (").Append(group.Count()).Append(')');
            var groupShown = 0;
            foreach (var a in group.OrderByDescending(a => a.PublishedAt ?? a.FetchedAt))
            {
                if (shown == Listed) break;
                Append(sb, a, also.GetValueOrDefault(a.Id), settings, figuresByArticle.GetValueOrDefault(a.Id) ?? []);
                previewLink ??= a.Link;
                shown++;
                groupShown++;
            }
            if (groupShown < group.Count())
                sb.Append("\n… and ").Append(group.Count() - groupShown).Append(" more: /latest ").Append(group.Key);
        }
        return new DigestText(sb.ToString(), settings.Previews, previewLink);
    }

    private static void Append(StringBuilder sb, ArticleRecord a, string? alsoReported, ChannelSettings settings, IReadOnlyList<Figure> figures)
    {
        sb.Append("\n• ").Append(a.Title);
        if (a.Outlet is not null) sb.Append(" (").Append(a.Outlet).Append(')');
        if (alsoReported is not null) sb.Append("\n  ").Append(alsoReported);
        if (a.Summary.Length > 0) sb.Append("\n  ").Append(SummaryCut.Cut(a.Summary, settings.SummaryLength));
        var key = KeyFigures.Select(figures, AlertComposer.KeyFigureCount);
        if (key.Count > 0) sb.Append("\n  Figures: ").Append(string.Join("; ", key.Select(FigureFormat.Describe)));
        if (a.Link is not null) sb.Append("\n  ").Append(a.Link);
    }
}
