using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AlertBot.Core.Articles;
using AlertBot.Core.Feeds;
using AlertBot.Core.Figures;
using AlertBot.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AlertBot.Cli;

/// <summary>
/// <c>check-feed</c> and <c>extract</c>: look at one feed or one article the way the pipeline would,
/// through the same guarded fetcher, parser, cleaner and enrichment.
/// </summary>
public static class InspectVerbs
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> CheckFeedAsync(IHost host, CliArguments cli, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var fetched = await FetchAsync(host, cli.Target!, ct);
        if (fetched is FetchResult.Failed failed)
        {
            await stderr.WriteLineAsync($"check-feed: {cli.Target}: {failed.Error}");
            return 1;
        }

        var body = (FetchResult.Fetched)fetched;
        var parsed = FeedParser.Parse(body.Body, body.FinalUrl, body.ContentType);
        if (parsed.Feed is null)
        {
            var hint = parsed.DiscoveredFeeds.Count == 0 ? "" : "\nThis page announces these feeds; use one of them instead:\n  " + string.Join("\n  ", parsed.DiscoveredFeeds);
            await stderr.WriteLineAsync($"check-feed: {cli.Target}: {parsed.Error}{hint}");
            return 1;
        }

        foreach (var warning in parsed.Warnings) await stderr.WriteLineAsync($"check-feed: warning: {warning}");
        if (cli.Json)
        {
            await stdout.WriteLineAsync(FeedJson.Render(parsed.Feed));
            return 0;
        }

        var feed = parsed.Feed;
        var sb = new StringBuilder();
        sb.Append(feed.Format).Append(" feed: ").Append(feed.Title ?? "(no title)").Append('\n');
        if (feed.Link is not null) sb.Append(feed.Link).Append('\n');
        sb.Append(feed.Items.Count).Append(" items\n");
        foreach (var item in feed.Items)
        {
            sb.Append("\n• ").Append(item.Title ?? "(no title)").Append('\n');
            sb.Append("  ").Append(FeedJson.Iso(item.Published ?? item.Updated) ?? "no date").Append(" · ").Append(item.Id ?? "no id").Append('\n');
            if (item.Link is not null) sb.Append("  ").Append(item.Link).Append('\n');
        }
        await stdout.WriteAsync(sb.ToString());
        return 0;
    }

    public static async Task<int> ExtractAsync(IHost host, CliArguments cli, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ExtractedArticle article;
        if (IsWebUrl(cli.Target!))
        {
            var fetched = await FetchAsync(host, cli.Target!, ct);
            if (fetched is FetchResult.Failed failed)
            {
                await stderr.WriteLineAsync($"extract: {cli.Target}: {failed.Error}");
                return 1;
            }
            var body = (FetchResult.Fetched)fetched;
            article = ArticleExtraction.FromHtml(body.Body, body.ContentType);
        }
        else
        {
            var path = LocalPath(cli.Target!);
            if (!File.Exists(path))
            {
                await stderr.WriteLineAsync($"extract: {cli.Target}: no such file");
                return 1;
            }
            article = ArticleExtraction.FromFile(path);
        }

        var enriched = host.Services.GetRequiredService<ArticleProcessor>().Enrich(article.Title, article.Text);
        if (cli.Json)
        {
            var document = new System.Text.Json.Nodes.JsonObject
            {
                ["title"] = enriched.Title,
                ["text"] = enriched.Text,
                ["summary"] = enriched.Summary,
                ["figures"] = FigureJson.ToJson(enriched.Figures),
            };
            await stdout.WriteLineAsync(document.ToJsonString(s_json));
            return 0;
        }

        var sb = new StringBuilder();
        sb.Append(enriched.Title).Append("\n\n").Append(enriched.Text).Append("\n\nSummary: ").Append(enriched.Summary).Append('\n');
        if (enriched.Figures.Count > 0) sb.Append("\nFigures:\n");
        foreach (var f in enriched.Figures)
            sb.Append("• ").Append(f.Measure).Append(": ").Append(FigureFormat.Value(f)).Append(f.ClaimedBy is null ? "" : $" ({f.ClaimedBy})").Append('\n');
        await stdout.WriteAsync(sb.ToString());
        return 0;
    }

    private static Task<FetchResult> FetchAsync(IHost host, string target, CancellationToken ct)
    {
        var url = IsWebUrl(target) ? new Uri(target) : new Uri(Path.GetFullPath(LocalPath(target)));
        return host.Services.GetRequiredService<IFeedFetcher>().FetchAsync(new FetchRequest(url), ct);
    }

    private static bool IsWebUrl(string target) =>
        Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static string LocalPath(string target) =>
        Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.IsFile ? uri.LocalPath : target;
}
