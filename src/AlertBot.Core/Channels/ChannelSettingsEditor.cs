using System.Globalization;
using NodaTime;

namespace AlertBot.Core.Channels;

/// <summary>
/// Applies <c>/channel set &lt;key&gt; &lt;value&gt;</c> to settings, purely. A wrong key or value comes back as
/// an error that says what is allowed; nothing is half-applied.
/// </summary>
public static class ChannelSettingsEditor
{
    public static IReadOnlyList<ChannelSettingKey> Keys { get; } =
    [
        new("mode", "instant or digest", "mode digest"),
        new("digest-at", "one or more times of day, comma-separated, 24-hour clock", "digest-at 08:00,18:00"),
        new("timezone", "an IANA time zone name", "timezone Europe/Berlin"),
        new("quiet", "a range of times such as 22:00-07:00 (it may cross midnight), or off", "quiet 22:00-07:00"),
        new("max-per-hour", "a whole number from 1 to 100, or off", "max-per-hour 3"),
        new("summary-length", $"a whole number from {ChannelSettings.MinSummaryLength} to {ChannelSettings.MaxSummaryLength}", "summary-length 200"),
        new("figures", "on or off", "figures off"),
        new("previews", "on or off", "previews off"),
        new("updates", "on or off (a short reply to an alert when a key figure of its story changes)", "updates off"),
    ];

    private const int MaxDigestTimes = 12;

    /// <returns>The new settings, or an error naming what is allowed.</returns>
    public static (ChannelSettings? Settings, string? Error) Apply(ChannelSettings current, string key, string value)
    {
        var spec = Keys.FirstOrDefault(k => string.Equals(k.Name, key.Trim(), StringComparison.OrdinalIgnoreCase));
        if (spec is null)
            return (null, $"There is no setting '{key}'. Settings: {string.Join(", ", Keys.Select(k => k.Name))}.");
        var v = value.Trim();
        var result = spec.Name switch
        {
            "mode" => Mode(current, v),
            "digest-at" => DigestAt(current, v),
            "timezone" => TimeZone(current, v),
            "quiet" => Quiet(current, v),
            "max-per-hour" => MaxPerHour(current, v),
            "summary-length" => SummaryLength(current, v),
            "figures" => OnOff(v) is { } figures ? current with { Figures = figures } : null,
            "previews" => OnOff(v) is { } previews ? current with { Previews = previews } : null,
            "updates" => OnOff(v) is { } updates ? current with { Updates = updates } : null,
            _ => null,
        };
        return result is null
            ? (null, $"'{v}' is not a valid {spec.Name}: use {spec.Allowed}. Example: /channel set {spec.Example}")
            : (result, null);
    }

    private static ChannelSettings? Mode(ChannelSettings s, string v) => v.ToLowerInvariant() switch
    {
        "instant" => s with { Mode = DeliveryMode.Instant },
        "digest" => s with { Mode = DeliveryMode.Digest },
        _ => null,
    };

    private static ChannelSettings? DigestAt(ChannelSettings s, string v)
    {
        var parts = v.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length is 0 or > MaxDigestTimes) return null;
        var times = new List<LocalTime>();
        foreach (var p in parts)
        {
            if (ChannelTime.ParseTime(p) is not { } t) return null;
            times.Add(t);
        }
        return s with { DigestTimes = times.Distinct().Order().ToList() };
    }

    private static ChannelSettings? TimeZone(ChannelSettings s, string v) =>
        ChannelTime.CanonicalZoneId(v) is { } id ? s with { TimeZone = id } : null;

    private static ChannelSettings? Quiet(ChannelSettings s, string v)
    {
        if (string.Equals(v, "off", StringComparison.OrdinalIgnoreCase)) return s with { Quiet = null };
        var range = ParseQuiet(v);
        return range is null ? null : s with { Quiet = range };
    }

    /// <summary>"22:00-07:00" (start and end differ), else null.</summary>
    public static QuietHours? ParseQuiet(string v)
    {
        var dash = v.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0) return null;
        if (ChannelTime.ParseTime(v[..dash]) is not { } start || ChannelTime.ParseTime(v[(dash + 1)..]) is not { } end || start == end) return null;
        return new QuietHours(start, end);
    }

    private static ChannelSettings? MaxPerHour(ChannelSettings s, string v)
    {
        if (string.Equals(v, "off", StringComparison.OrdinalIgnoreCase)) return s with { MaxPerHour = 0 };
        return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 100 ? s with { MaxPerHour = n } : null;
    }

    private static ChannelSettings? SummaryLength(ChannelSettings s, string v) =>
        int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= ChannelSettings.MinSummaryLength and <= ChannelSettings.MaxSummaryLength
            ? s with { SummaryLength = n }
            : null;

    private static bool? OnOff(string v) => v.ToLowerInvariant() switch
    {
        "on" or "yes" or "true" => true,
        "off" or "no" or "false" => false,
        _ => null,
    };

    /// <summary>The value of one key as <c>/channel settings</c> shows it and <c>/channel set</c> accepts it.</summary>
    public static string Show(ChannelSettings s, string key, int defaultCap) => key switch
    {
        "mode" => s.Mode == DeliveryMode.Digest ? "digest" : "instant",
        "digest-at" => string.Join(",", s.DigestTimes.Select(ChannelTime.Format)),
        "timezone" => s.TimeZone,
        "quiet" => s.Quiet?.ToString() ?? "off",
        "max-per-hour" => s.MaxPerHour switch
        {
            null => $"{defaultCap} (the bot's default)",
            0 => "off",
            var n => n.Value.ToString(CultureInfo.InvariantCulture),
        },
        "summary-length" => s.SummaryLength.ToString(CultureInfo.InvariantCulture),
        "figures" => s.Figures ? "on" : "off",
        "previews" => s.Previews ? "on" : "off",
        "updates" => s.Updates ? "on" : "off",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "unknown setting"),
    };
}
