using System.Text.Json;
using AlertBot.Tests.Figures;

namespace AlertBot.Tests.Support;

/// <summary>
/// Real reports from the labelled dev stream (../shared/data/stories-dev.jsonl) as feed items, for tests that need
/// several outlets' reports of one event: n079–n081 are three outlets on the 2023 Morocco earthquake (its toll rising
/// from 50 to 296), n031 a look-alike (another earthquake, in Turkey's Hatay province).
/// </summary>
public static class DevReports
{
    private static readonly Dictionary<string, JsonElement> s_reports = File.ReadLines(Path.Combine(SharedData.Data, "stories-dev.jsonl"))
        .Where(l => l.Length > 0)
        .Select(l => JsonDocument.Parse(l).RootElement)
        .ToDictionary(e => e.GetProperty("id").GetString()!);

    public static string Title(string id) => s_reports[id].GetProperty("title").GetString()!;

    /// <summary>The report as an RSS item published at <paramref name="published"/> (the stream's own dates are years old).</summary>
    public static RssItem Item(string id, DateTimeOffset published)
    {
        var r = s_reports[id];
        return new RssItem(id, System.Security.SecurityElement.Escape(Title(id)), r.GetProperty("text").GetString()!, published, r.GetProperty("url").GetString());
    }
}
