using AlertBot.Cli;
using AlertBot.ConsoleChat;
using AlertBot.Core.Commands;
using AlertBot.Core.Delivery;
using AlertBot.Core.Pipeline;
using AlertBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AlertBot.Tests.Figures;

/// <summary>The sample topic through the real host and a real SQLite file: figures stored, shown and alerted.</summary>
public sealed class FiguresEndToEndTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "alertbot-figures-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _output = new();

    private IHost BuildHost() =>
        AppHost.Build(new CliArguments(Verb.Once, null, Path.Combine(_dir, "bot.db"), false), new ConsoleIO(new StringReader(""), _output));

    private static Task<CommandReply> Ask(IHost host, string name, string arguments) =>
        host.Services.GetRequiredService<ICommandHandler>().HandleAsync(
            CommandRequest.FromText(ConsolePlatform.LocalChat, "u1", "tester", name, arguments, isPrivateChat: true, isModerator: true), CancellationToken.None);

    [Fact]
    public async Task After_once_figures_shows_troop_and_casualty_estimates_from_several_sources_side_by_side()
    {
        using var host = BuildHost();
        Assert.Equal(0, await Verbs.OnceAsync(host, CancellationToken.None));

        var reply = await Ask(host, "figures", "nk-russia");

        Assert.False(reply.IsError, reply.Text);
        var groups = reply.Text.Split("\n\n");
        var troops = Assert.Single(groups, g => g.StartsWith("Troops deployed — North Korean troops\n", StringComparison.Ordinal));
        var casualties = Assert.Single(groups, g => g.StartsWith("Casualties — North Korean troops\n", StringComparison.Ordinal));
        Assert.Contains("about 11,000", troops);
        Assert.Contains("about 10,000–12,000", troops);
        Assert.Contains("about 1,200 — U.S. assessments", casualties);
        Assert.Contains("about 4,000 — South's Joint Chiefs of Staff (JCS)", casualties);
        Assert.True(casualties.Split('\n').Count(l => l.StartsWith("• ", StringComparison.Ordinal)) >= 3, casualties);
        var outlets = casualties.Split('\n').Where(l => l.StartsWith("• ", StringComparison.Ordinal)).Select(l => l[(l.LastIndexOf(" · ", StringComparison.Ordinal) + 3)..].Split(',')[0]).Distinct();
        Assert.True(outlets.Count() >= 2, casualties);
        // The Vietnam-era deployment belongs to another subject: context, not part of the main series.
        Assert.Contains("• Troops deployed — South Korean troops: 320,000", reply.Text[reply.Text.IndexOf("Context (", StringComparison.Ordinal)..]);
        Assert.Matches(@"^Figures for .+: \d+ estimates from \d+ outlets\.", reply.Text);
    }

    [Fact]
    public async Task Figures_on_the_sample_topic_never_build_a_trend_from_competing_claims()
    {
        using var host = BuildHost();
        Assert.Equal(0, await Verbs.OnceAsync(host, CancellationToken.None));

        var reply = await Ask(host, "figures", "nk-russia");

        foreach (var group in reply.Text.Split("\n\n"))
        {
            var lines = group.Split('\n');
            foreach (var series in lines.Where(l => l.TrimStart().StartsWith("Over time (", StringComparison.Ordinal)))
            {
                var claimant = series[(series.IndexOf('(', StringComparison.Ordinal) + 1)..series.IndexOf("):", StringComparison.Ordinal)];
                var points = series[(series.IndexOf("):", StringComparison.Ordinal) + 2)..series.LastIndexOf(" (", StringComparison.Ordinal)].Split(" → ").Select(p => p.Trim());
                // Every point of a series is an estimate of that one claimant in the same group.
                foreach (var point in points)
                    Assert.Contains(lines, l => l.StartsWith("• ", StringComparison.Ordinal) && l.Contains(point, StringComparison.Ordinal) && l.Contains("— " + claimant + " ·", StringComparison.Ordinal));
            }
        }
        var casualties = reply.Text.Split("\n\n").Single(g => g.StartsWith("Casualties — North Korean troops\n", StringComparison.Ordinal));
        Assert.DoesNotContain("4,000 → 1,200", casualties);
        Assert.Contains("Sources disagree: estimates range from", casualties);
    }

    [Fact]
    public async Task Figures_for_an_unknown_query_say_nothing_is_known()
    {
        using var host = BuildHost();
        await host.Services.GetRequiredService<BotInitializer>().InitializeAsync(CancellationToken.None);
        var reply = await Ask(host, "figures", "nk-russia");
        Assert.StartsWith("No figures known for North Korean troops in Russia", reply.Text);
        Assert.True((await Ask(host, "figures", "")).IsError);
    }

    [Fact]
    public async Task Every_alert_carries_the_story_key_figures()
    {
        using var host = BuildHost();
        await host.Services.GetRequiredService<BotInitializer>().InitializeAsync(CancellationToken.None);
        Assert.False((await Ask(host, "subscribe", "nk-russia")).IsError);
        await Verbs.OnceAsync(host, CancellationToken.None);

        var printed = _output.ToString();
        Assert.Contains("🔔 [nk-russia]", printed);
        Assert.Matches(@"   • (troops deployed|casualties): about [0-9,–]+", printed);
    }

    public void Dispose()
    {
        _output.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
