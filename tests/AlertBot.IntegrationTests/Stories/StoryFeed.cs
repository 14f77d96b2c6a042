using System.Globalization;
using System.Security;
using System.Text.Json;

namespace AlertBot.IntegrationTests.Stories;

/// <summary>
/// An RSS feed made of real reports from the labelled dev stream (../shared/data/stories-dev.jsonl): n079, n080 and
/// n081 are three outlets on the 2023 Morocco earthquake (its toll rising from 50 to 296), n031 a look-alike event
/// (another earthquake, in Turkey's Hatay province), n044 an unrelated report. Dated relative to now.
/// </summary>
internal static class StoryFeed
{
    private static readonly Dictionary<string, JsonElement> s_reports = File.ReadLines(Locate())
        .Where(l => l.Length > 0)
        .Select(l => JsonDocument.Parse(l).RootElement)
        .ToDictionary(e => e.GetProperty("id").GetString()!);

    public static string Title(string id) => s_reports[id].GetProperty("title").GetString()!;

    /// <param name="items">Report ids, each with how many hours ago it was published.</param>
    public static string Rss(DateTimeOffset now, params (string Id, int HoursAgo)[] items) =>
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loopback news</title>" +
        string.Concat(items.Select(i =>
        {
            var r = s_reports[i.Id];
            return $"<item><guid>{i.Id}</guid><title>{SecurityElement.Escape(Title(i.Id))}</title>" +
                   $"<link>{SecurityElement.Escape(r.GetProperty("url").GetString())}</link>" +
                   $"<pubDate>{now.AddHours(-i.HoursAgo).ToString("R", CultureInfo.InvariantCulture)}</pubDate>" +
                   $"<description>{SecurityElement.Escape(r.GetProperty("text").GetString())}</description></item>";
        })) +
        "</channel></rss>";

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "stories-dev.jsonl");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("No shared/data/stories-dev.jsonl above " + AppContext.BaseDirectory);
    }
}
