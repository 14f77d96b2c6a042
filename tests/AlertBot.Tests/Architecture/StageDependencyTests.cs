using System.Text.RegularExpressions;
using Xunit.Abstractions;
using AlertBot.Core;

namespace AlertBot.Tests.Architecture;

/// <summary>
/// Stages (the folders of src/AlertBot.Core, one namespace each) may depend on each other only one way. The graph
/// is read from the source: each file's namespace, its <c>using AlertBot.Core.X</c> lines and every fully qualified
/// <c>AlertBot.Core.X.</c> reference. Files in the root namespace (shared records such as ChatTarget) are no stage.
/// </summary>
public sealed partial class StageDependencyTests(ITestOutputHelper output)
{
    /// <summary>
    /// Edges that close a cycle today and are being moved by their owners. Each must still exist (remove it here once
    /// it is gone); no other edge may close a cycle. Empty since the last ones went (issue 13): the subscription
    /// requests moved to Subscriptions, the channel stores to Channels, the digest renderer to Delivery, and the gate
    /// takes the delivery numbers it needs from the dispatcher instead of reading Delivery's options.
    /// </summary>
    private static readonly (string From, string To, string Why)[] KnownCycleEdges = [];

    [Fact]
    public void Stages_of_the_core_depend_on_each_other_without_a_cycle()
    {
        var graph = ReadGraph(CoreFolder());
        foreach (var (stage, uses) in graph.OrderBy(p => p.Key, StringComparer.Ordinal))
            output.WriteLine($"{stage} -> {string.Join(", ", uses.Order(StringComparer.Ordinal))}");

        foreach (var (from, to, why) in KnownCycleEdges)
        {
            Assert.True(graph.TryGetValue(from, out var uses) && uses.Remove(to), $"{from} -> {to} is gone ({why}): remove it from the known cycle edges");
        }
        var cycles = FindCycles(graph);
        Assert.True(cycles.Count == 0, "stage cycles: " + string.Join("; ", cycles.Select(c => string.Join(" -> ", c))));
    }

    [Fact]
    public void A_cycle_between_stages_is_found()
    {
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["Feeds"] = ["Text"], ["Text"] = [], ["Storage"] = ["Delivery"], ["Delivery"] = ["Pipeline"], ["Pipeline"] = ["Storage", "Feeds"],
        };
        var cycle = Assert.Single(FindCycles(graph));
        Assert.Equal(["Delivery", "Pipeline", "Storage", "Delivery"], cycle);
    }

    private static Dictionary<string, HashSet<string>> ReadGraph(string core)
    {
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(core, file);
            if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal)) continue;
            var source = File.ReadAllText(file);
            var declared = Namespace().Match(source);
            if (!declared.Success) continue;
            var stage = declared.Groups[1].Value;
            var uses = graph.TryGetValue(stage, out var set) ? set : graph[stage] = [];
            foreach (Match reference in Reference().Matches(source))
            {
                var target = reference.Groups[1].Value;
                if (target != stage) uses.Add(target);
            }
        }
        return graph;
    }

    /// <summary>Every elementary cycle's smallest rotation, found from each stage in name order.</summary>
    private static List<List<string>> FindCycles(Dictionary<string, HashSet<string>> graph)
    {
        var found = new List<List<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
        {
            var path = new List<string> { start };
            Walk(start);

            void Walk(string node)
            {
                foreach (var next in (graph.TryGetValue(node, out var n) ? n : []).Order(StringComparer.Ordinal))
                {
                    // Only cycles whose smallest member is the start: each cycle is reported once.
                    if (next == start)
                    {
                        if (seen.Add(string.Join(">", path))) found.Add([.. path, start]);
                    }
                    else if (string.CompareOrdinal(next, start) > 0 && !path.Contains(next))
                    {
                        path.Add(next);
                        Walk(next);
                        path.RemoveAt(path.Count - 1);
                    }
                }
            }
        }
        return found;
    }

    private static string CoreFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var core = Path.Combine(dir.FullName, "src", "AlertBot.Core");
            if (Directory.Exists(core)) return core;
        }
        throw new DirectoryNotFoundException("src/AlertBot.Core not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^namespace\s+AlertBot\.Core\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    /// <summary>A using directive or a fully qualified name: both start with the stage's namespace.</summary>
    [GeneratedRegex(@"\bAlertBot\.Core\.([A-Z]\w*)")]
    private static partial Regex Reference();
}
