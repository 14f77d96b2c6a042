using AlertBot.Core.Chats;
using AlertBot.Core.Pipeline;
using AlertBot.Core.Storage;
using AlertBot.Core.Topics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AlertBot.Cli;

/// <summary>
/// <c>alertbot opml export &lt;topic&gt;</c> prints a topic's feeds as OPML; <c>alertbot opml import &lt;topic&gt; &lt;file|url&gt;</c>
/// adds the feeds of an OPML list (a local file, or an http(s) URL fetched through the guarded fetcher). The operator's
/// tool: it reaches every topic, the operator's and the communities'. Feeds themselves must still be http(s).
/// </summary>
public static class OpmlVerb
{
    public static async Task<int> RunAsync(IHost host, CliArguments cli, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var services = host.Services;
        // Migrates the database and applies topics.json, as every start does.
        await services.GetRequiredService<BotInitializer>().InitializeAsync(ct);
        var topicId = cli.Operands[1];
        var topic = await services.GetRequiredService<TopicStore>().FindAsync(topicId, ct);
        if (topic is null)
        {
            await stderr.WriteLineAsync($"opml: there is no topic '{topicId}'");
            return 1;
        }
        var sources = services.GetRequiredService<SourceStore>();
        if (cli.Operands[0] == "export")
        {
            var feeds = await sources.ForTopicAsync(topic.Id, ct);
            await stdout.WriteLineAsync(Opml.Write(topic.Name, feeds.Select(f => new OpmlFeed(f.Url, f.Title))));
            return 0;
        }

        var from = cli.Operands[2];
        var value = File.Exists(from) ? await File.ReadAllTextAsync(from, ct) : from;
        var limit = services.GetRequiredService<IOptions<ChatLimitsOptions>>().Value.FeedsPerTopic;
        var result = await services.GetRequiredService<OpmlTransfer>().ImportAsync(topic.Id, value, "cli", limit, ct);
        if (result.Error is not null)
        {
            await stderr.WriteLineAsync($"opml: {from}: {result.Error}");
            return 1;
        }
        await stdout.WriteLineAsync($"{topic.Id}: {result.Added.Count} feed(s) added, {result.Known} already there, {result.Refused.Count} refused.");
        foreach (var refused in result.Refused) await stderr.WriteLineAsync("refused: " + refused);
        return 0;
    }
}
