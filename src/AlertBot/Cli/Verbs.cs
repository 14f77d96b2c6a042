using AlertBot.ConsoleChat;
using AlertBot.Core.Delivery;
using AlertBot.Core.Pipeline;
using AlertBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AlertBot.Cli;

/// <summary>The one-shot verbs. Each starts the host's services it needs, does its work and returns an exit code.</summary>
public static class Verbs
{
    /// <summary><c>alertbot chat</c>: commands from standard input, one reply each, exit at end of input.</summary>
    public static async Task<int> ChatAsync(IHost host, CancellationToken ct)
    {
        await host.Services.GetRequiredService<BotInitializer>().InitializeAsync(ct);
        await host.Services.GetRequiredService<ConsoleSession>().RunAsync(prompt: false, ct);
        return 0;
    }

    /// <summary><c>alertbot once</c>: every source checked once (whole feeds, no drip), due alerts delivered, exit 0.</summary>
    public static async Task<int> OnceAsync(IHost host, CancellationToken ct)
    {
        var services = host.Services;
        await services.GetRequiredService<BotInitializer>().InitializeAsync(ct);
        var io = services.GetRequiredService<ConsoleIO>();
        // Checked concurrently (Fetch:MaxConcurrentChecks); reported in source order.
        var sources = (await services.GetRequiredService<SourceStore>().ListAsync(ct)).Where(s => !s.Disabled).ToList();
        var results = await services.GetRequiredService<SourceCheckRunner>().CheckAllAsync(sources.Select(s => s.Id).ToList(), honourDrip: false, ct);
        foreach (var (source, result) in sources.Zip(results))
        {
            await Console.Error.WriteLineAsync(result.Error is null
                ? $"source {source.Id} {source.Url}: {(result.Busy ? "being checked by another process, skipped" : result.NotModified ? "not modified" : $"{result.NewArticles} new articles, {result.Alerts} alerts queued")}"
                : $"source {source.Id} {source.Url}: failed: {result.Error}");
        }
        // Every due row goes out before exit, round after round, at the platforms' own rate limits.
        var delivered = await services.GetRequiredService<OutboxDispatcher>().DeliverAllDueAsync(ct);
        io.Write(DeliveredLine(delivered));
        return 0;
    }

    /// <summary>"3 alert(s) delivered (console 1, discord 2)." or nothing when nothing was delivered.</summary>
    internal static string DeliveredLine(IReadOnlyDictionary<string, int> delivered)
    {
        var total = delivered.Values.Sum();
        if (total == 0) return "";
        var perPlatform = string.Join(", ", delivered.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
        return $"\n{total} alert(s) delivered ({perPlatform}).\n";
    }
}
