namespace AlertBot.Core.Feeds.Parsing;

internal static partial class FeedDate
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["may"] = 5, ["jun"] = 6,
        ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["sept"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
        ["january"] = 1, ["february"] = 2, ["march"] = 3, ["april"] = 4, ["june"] = 6, ["july"] = 7,
        ["august"] = 8, ["september"] = 9, ["october"] = 10, ["november"] = 11, ["december"] = 12,
        // Greek abbreviations (feeds from Greek blog hosts send them in RFC 822 position).
        ["Ιαν"] = 1, ["Φεβ"] = 2, ["Μάώ"] = 3, ["Μάρ"] = 3, ["Μαρ"] = 3, ["Απρ"] = 4, ["Μάι"] = 5, ["Μαϊ"] = 5, ["Μαι"] = 5,
        ["Ιούν"] = 6, ["Ιον"] = 6, ["Ιούλ"] = 7, ["Ιολ"] = 7, ["Αύγ"] = 8, ["Αυγ"] = 8, ["Σεπ"] = 9, ["Οκτ"] = 10,
        ["Νοέ"] = 11, ["Νοε"] = 11, ["Δεκ"] = 12,
    };

    private static readonly HashSet<string> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "tues", "thur", "thurs",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "Κυρ", "Δευ", "Τρι", "Τετ", "Πεμ", "Παρ", "Σαβ",
    };

    private static readonly Dictionary<string, int> ZoneHours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0, ["Etc/GMT"] = 0, ["Etc/UTC"] = 0, ["WET"] = 0,
        ["EST"] = -5, ["EDT"] = -4, ["CST"] = -6, ["CDT"] = -5, ["MST"] = -7, ["MDT"] = -6, ["PST"] = -8, ["PDT"] = -7,
        ["AST"] = -4, ["ADT"] = -3, ["AT"] = -4, ["ET"] = -5, ["CT"] = -6, ["MT"] = -7, ["PT"] = -8, ["AKST"] = -9, ["HST"] = -10,
        ["BST"] = 1, ["CET"] = 1, ["MET"] = 1, ["CEST"] = 2, ["MEST"] = 2, ["EET"] = 2, ["EEST"] = 3, ["MSK"] = 3,
        ["IST"] = 5, ["JST"] = 9, ["KST"] = 9, ["AEST"] = 10, ["AEDT"] = 11, ["NZST"] = 12, ["NZDT"] = 13,
    };

    /// <summary>RFC 822 and relatives: weekday optional, day/month in either order, two-digit years,
    /// missing seconds or time, named or numeric zones, asctime's year-at-the-end, "YYYY/MM/DD".</summary>
    private static DateTimeOffset? ParseRfc822(ReadOnlySpan<char> s)
    {
        var months = Months.GetAlternateLookup<ReadOnlySpan<char>>();
        int day = -1, month = -1, year = -1, yearDigits = 4, hour = 0, minute = 0, second = 0;
        var offset = TimeSpan.Zero;
        bool haveTime = false, haveZone = false;
        var index = 0;
        while (true)
        {
            var start = s.IndexOfAnyExcept(" ,\t");
            if (start < 0) break;
            s = s[start..];
            var end = s.IndexOfAny(" ,\t");
            var t = (end < 0 ? s : s[..end]).TrimEnd('.');
            s = end < 0 ? [] : s[end..];
            if (index++ == 0 && Weekdays.GetAlternateLookup<ReadOnlySpan<char>>().Contains(t)) continue;
            if (month < 0 && months.TryGetValue(t, out var m)) { month = m; continue; }
            if (!haveTime && t.Contains(':') && char.IsAsciiDigit(t[0]))
            {
                if (!TryClock(t, out hour, out minute, out second)) return null;
                haveTime = true;
                continue;
            }
            if (t.Contains('/') && char.IsAsciiDigit(t[0]) && year < 0)
            {
                if (!TryYmd(t, out year, out month, out day)) return null;
                continue;
            }
            if (TryInt(t, out var number))
            {
                if (day < 0 && t.Length <= 2) day = number;
                else if (year < 0) { year = number; yearDigits = t.Length; }
                else return null;
                continue;
            }
            if (!haveZone && TryZone(t, out offset)) { haveZone = true; continue; }
            return null;
        }
        if (day < 0 || month < 0 || year < 0) return null;
        return Build(FixYear(year, yearDigits), month, day, hour, minute, second, offset);
    }

    /// <summary>"YYYY/MM/DD" (Perforce-style feeds).</summary>
    private static bool TryYmd(ReadOnlySpan<char> t, out int year, out int month, out int day)
    {
        year = month = day = 0;
        var a = t.IndexOf('/');
        var rest = t[(a + 1)..];
        var b = rest.IndexOf('/');
        return b >= 0 && TryInt(t[..a], out year) && TryInt(rest[..b], out month) && TryInt(rest[(b + 1)..], out day);
    }

    private static bool TryClock(ReadOnlySpan<char> t, out int hour, out int minute, out int second)
    {
        hour = minute = second = 0;
        var a = t.IndexOf(':');
        var rest = t[(a + 1)..];
        var b = rest.IndexOf(':');
        if (!TryInt(t[..a], out hour)) return false;
        if (b < 0) return TryInt(rest, out minute);
        var sec = rest[(b + 1)..];
        if (sec.Contains(':')) return false;
        var dot = sec.IndexOf('.');
        if (dot >= 0) sec = sec[..dot];
        return TryInt(rest[..b], out minute) && TryInt(sec, out second);
    }

    /// <summary>Named zones, "+hhmm", "GMT+hh:mm" and "Etc/GMT".</summary>
    private static bool TryZone(ReadOnlySpan<char> t, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (ZoneHours.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(t, out var hours)) { offset = TimeSpan.FromHours(hours); return true; }
        if (t[0] is '+' or '-') return TryNumericOffset(t, out offset);
        foreach (var prefix in (string[])["GMT", "UTC", "UT"])
            if (t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && t.Length > prefix.Length && t[prefix.Length] is '+' or '-')
                return TryNumericOffset(t[prefix.Length..], out offset);
        return false;
    }
}
