namespace AlertBot.Core.Feeds.Parsing;

/// <summary>
/// Lenient date reading for feeds: RFC 822/1123 and the variants servers really send, ISO 8601/W3DTF and its
/// partial forms, asctime, and a few localised styles. Anything unreadable is null — never "now", never a guess.
/// </summary>
internal static partial class FeedDate
{
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100) return null;
        var s = text.Trim();
        return char.IsAsciiDigit(s[0]) || s[0] == '-'
            ? ParseIso(s) ?? ParseLocalisedNumeric(s) ?? ParseRfc822(s)
            : ParseRfc822(s) ?? ParseLocalisedNumeric(s);
    }

    /// <summary>Builds the instant, rejecting out-of-range fields instead of wrapping them.</summary>
    private static DateTimeOffset? Build(int year, int month, int day, int hour, int minute, int second, TimeSpan offset)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        if (hour is < 0 or > 24 || minute is < 0 or > 59 || second is < 0 or > 60) return null;
        if (offset.Duration() > TimeSpan.FromHours(14)) return null;
        var extra = TimeSpan.Zero;
        if (hour == 24) { hour = 0; extra = TimeSpan.FromDays(1); }
        if (second == 60) { second = 59; extra += TimeSpan.FromSeconds(1); }
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        var utcTicks = local.Ticks - offset.Ticks + extra.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks) return null;
        return new DateTimeOffset(utcTicks, TimeSpan.Zero);
    }

    private static int FixYear(int year, int digits) =>
        digits > 2 ? year : year < 70 ? 2000 + year : 1900 + year;

    private static bool TryInt(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > 9) return false;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
