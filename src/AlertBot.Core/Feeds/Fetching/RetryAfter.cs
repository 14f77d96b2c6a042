using System.Globalization;

namespace AlertBot.Core.Feeds.Fetching;

/// <summary>Reads a <c>Retry-After</c> header (RFC 9110 §10.2.3): delay-seconds or an HTTP-date.</summary>
public static class RetryAfter
{
    private static readonly string[] DateFormats =
    [
        "r",                               // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
        "dddd, dd-MMM-yy HH:mm:ss 'GMT'",  // obsolete RFC 850
        "ddd MMM d HH:mm:ss yyyy",         // obsolete asctime
    ];

    /// <summary>
    /// The wait the server asked for, measured from <paramref name="now"/>, never negative; null when the value is
    /// absent or unreadable (a malformed header is ignored rather than trusted).
    /// </summary>
    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (text.All(char.IsAsciiDigit))
        {
            // Absurd second counts saturate rather than overflow; the caller clamps to its own maximum.
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= TimeSpan.MaxValue.TotalSeconds / 2
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.MaxValue;
        }
        if (DateTimeOffset.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }
}
