using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace AlertBot.Core.Channels;

/// <summary>Time zones and times of day as moderators type them.</summary>
public static class ChannelTime
{
    private static readonly LocalTimePattern s_pattern = LocalTimePattern.CreateWithInvariantCulture("H:mm");

    /// <summary>The zone for an IANA id from NodaTime's bundled tzdb, or null when there is no such zone.</summary>
    public static DateTimeZone? Zone(string id) =>
        string.IsNullOrWhiteSpace(id) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim());

    /// <summary>The tzdb's own spelling of a zone id typed in any case ("europe/berlin" → "Europe/Berlin").</summary>
    public static string? CanonicalZoneId(string id) =>
        DateTimeZoneProviders.Tzdb.Ids.FirstOrDefault(z => string.Equals(z, id.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Zone ids for autocomplete: those starting with what was typed first, then those containing it.</summary>
    public static IReadOnlyList<string> SuggestZones(string partial, int max = 25)
    {
        var p = partial.Trim().Replace(' ', '_');
        var ids = DateTimeZoneProviders.Tzdb.Ids;
        return ids.Where(z => z.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            .Concat(ids.Where(z => !z.StartsWith(p, StringComparison.OrdinalIgnoreCase) && z.Contains(p, StringComparison.OrdinalIgnoreCase)))
            .Take(max).ToList();
    }

    /// <summary>Parses "8:00" or "08:00" (24-hour clock).</summary>
    public static LocalTime? ParseTime(string text) =>
        s_pattern.Parse(text.Trim()) is { Success: true } r ? r.Value : null;

    public static string Format(LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
