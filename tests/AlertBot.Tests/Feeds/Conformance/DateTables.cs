using System.Text.Json;
using AlertBot.Core.Feeds.Parsing;

namespace AlertBot.Tests.Feeds.Conformance;

/// <summary>feedparser's 72 and gofeed's 18 date strings: the UTC instant to the second, or null where the string must be rejected.</summary>
internal static class DateTables
{
    public static Score Run(string corpus)
    {
        var score = new Score();
        Table(score, Path.Combine(corpus, "_derived", "feedparser_date_cases.json"), "expected_utc_iso", "feedparser");
        Table(score, Path.Combine(corpus, "_derived", "gofeed_date_cases.json"), "expected_utc", "gofeed");
        return score;
    }

    private static void Table(Score score, string file, string expectedKey, string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            var input = c.GetProperty("input").GetString()!;
            var expected = c.TryGetProperty(expectedKey, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            var parsed = FeedDate.Parse(input);
            var actual = parsed?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
            var ok = expected is null ? parsed is null : actual == NormaliseIso(expected);
            score.Cases++;
            if (ok) score.CasesPassed++;
            score.Add($"{name} dates", ok, ok, $"date \"{input}\": expected {expected ?? "null"} got {actual ?? "null"}");
        }
    }

    private static string NormaliseIso(string iso) =>
        iso.Length >= 20 && iso[4] == '-' ? iso[..19] + "Z" : iso;
}
