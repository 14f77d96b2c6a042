using System.Text.Json;
using System.Text.RegularExpressions;
using AlertBot.Core.Storage;

namespace AlertBot.Core.Topics;

/// <summary>
/// Reads <c>topics.json</c>: <c>{"topics":[{"id","name","query","checkIntervalSeconds","sources":[{"url","drip"}]}]}</c>.
/// Relative source paths are files next to the topics file. Every problem is reported, naming the entry.
/// </summary>
public static partial class TopicsFile
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static IReadOnlyList<TopicSeed> Load(string path)
    {
        if (!File.Exists(path)) throw new TopicsFileException($"Topics:File '{path}' does not exist.");
        TopicsDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize<TopicsDocument>(File.ReadAllText(path), s_json);
        }
        catch (JsonException ex)
        {
            throw new TopicsFileException($"Topics:File '{path}' is not valid JSON: {ex.Message}");
        }

        var baseDir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var errors = new List<string>();
        var seeds = new List<TopicSeed>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (t, i) in (doc?.Topics ?? []).Select((t, i) => (t, i)))
        {
            var where = $"topics[{i}]";
            if (t.Id is null || !IdPattern().IsMatch(t.Id)) errors.Add($"{where}.id '{t.Id}' must be 1-32 lower-case letters, digits or '-'.");
            else if (!ids.Add(t.Id)) errors.Add($"{where}.id '{t.Id}' is used twice.");
            if (string.IsNullOrWhiteSpace(t.Name)) errors.Add($"{where}.name is missing.");
            var interval = t.CheckIntervalSeconds ?? 600;
            if (interval is < 10 or > 86_400) errors.Add($"{where}.checkIntervalSeconds {interval} must be between 10 and 86400.");
            var sources = new List<SourceSeed>();
            foreach (var (s, j) in (t.Sources ?? []).Select((s, j) => (s, j)))
            {
                var url = ResolveSource(s.Url, baseDir);
                if (url is null) errors.Add($"{where}.sources[{j}].url '{s.Url}' must be an http(s) URL or a file path.");
                else sources.Add(new SourceSeed(url, s.Drip));
            }
            if (sources.Count == 0 && (t.Sources ?? []).Count == 0) errors.Add($"{where}.sources must list at least one source.");
            seeds.Add(new TopicSeed(t.Id ?? "", t.Name ?? "", t.Query, TimeSpan.FromSeconds(interval), sources));
        }

        if (errors.Count > 0) throw new TopicsFileException($"Topics:File '{path}' has errors:\n  " + string.Join("\n  ", errors));
        return seeds;
    }

    private static string? ResolveSource(string? url, string baseDir)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        if (Uri.TryCreate(url, UriKind.Absolute, out var abs))
            return abs.Scheme is "http" or "https" or "file" ? abs.ToString() : null;
        return new Uri(Path.GetFullPath(Path.Combine(baseDir, url))).ToString();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex IdPattern();

    private sealed record TopicsDocument(List<TopicEntry>? Topics);
    private sealed record TopicEntry(string? Id, string? Name, string? Query, int? CheckIntervalSeconds, List<SourceEntry>? Sources);
    private sealed record SourceEntry(string? Url, bool Drip);
}

public sealed class TopicsFileException(string message) : Exception(message);
