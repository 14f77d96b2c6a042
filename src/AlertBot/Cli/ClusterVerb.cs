using System.Globalization;
using System.Text.Json;
using AlertBot.Core.Stories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AlertBot.Cli;

/// <summary>
/// <c>alertbot cluster &lt;stream.jsonl&gt;</c>: each report of the stream through the pipeline's cleaning and the
/// stories stage, in order; one <c>{"id":…,"story_id":…}</c> line per report on standard output (the format
/// <c>score_stories.py</c> reads). <c>--explain</c> prints the candidate stories and vetoes on standard error.
/// </summary>
public static class ClusterVerb
{
    public static async Task<int> RunAsync(IHost host, CliArguments cli, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (!File.Exists(cli.Target))
        {
            await stderr.WriteLineAsync($"cluster: {cli.Target}: no such file");
            return 1;
        }
        var options = host.Services.GetRequiredService<IOptions<StoryOptions>>().Value;
        using var reader = new StreamReader(cli.Target!);
        try
        {
            foreach (var (article, assignment) in StreamClustering.Run(reader, options))
            {
                ct.ThrowIfCancellationRequested();
                await stdout.WriteLineAsync(JsonSerializer.Serialize(new { id = article.Id, story_id = assignment.StoryId }));
                if (cli.Explain) await stderr.WriteLineAsync(Explain(article, assignment));
            }
        }
        catch (FormatException ex)
        {
            await stderr.WriteLineAsync($"cluster: {cli.Target}: {ex.Message}");
            return 1;
        }
        return 0;
    }

    private static string Explain(StoryArticle article, StoryAssignment a)
    {
        var how = a.IsNewStory ? "new" : a.Copy ? "copy" : $"joined {a.Score:F3}";
        var candidates = string.Join("; ", a.Considered.Take(5).Select(c =>
            string.Create(CultureInfo.InvariantCulture, $"s{c.StoryId} {c.Score:F3} c{c.Containment:F2}{(c.Veto is null ? "" : " veto " + c.Veto)}")));
        return $"{article.Id} {article.Published:yyyy-MM-dd} -> s{a.StoryId} ({how}) | {candidates} | {article.Title}";
    }
}
