namespace AlertBot.Core.Feeds.Parsing;

internal static partial class FeedDate
{
    /// <summary>ISO 8601 / W3DTF: full, partial (year, year-month), ordinal, compact and two-digit-year forms.</summary>
    private static DateTimeOffset? ParseIso(ReadOnlySpan<char> s)
    {
        var split = s.IndexOfAny('T', 't', ' ');
        var datePart = split < 0 ? s : s[..split];
        var timePart = split < 0 ? [] : s[(split + 1)..].Trim();
        if (!TryIsoDate(datePart, out var year, out var month, out var day)) return null;
        int hour = 0, minute = 0, second = 0;
        var offset = TimeSpan.Zero;
        if (timePart.Length > 0 && !TryIsoTime(timePart, out hour, out minute, out second, out offset)) return null;
        return Build(year, month, day, hour, minute, second, offset);
    }

    private static bool TryIsoDate(ReadOnlySpan<char> d, out int year, out int month, out int day)
    {
        year = 0; month = 1; day = 1;
        if (d.IsEmpty) return false;
        if (d[0] == '-')
        {
            // "-YYMM" and "-YY-MM": century-less year and month.
            var body = d[1..];
            if (body.Length == 4 && TryInt(body[..2], out var y1) && TryInt(body[2..], out month)) { year = FixYear(y1, 2); return true; }
            if (body.Length == 5 && body[2] == '-' && TryInt(body[..2], out var y2) && TryInt(body[3..], out month)) { year = FixYear(y2, 2); return true; }
            return false;
        }
        var dash1 = d.IndexOf('-');
        if (dash1 < 0) return TryCompactDate(d, out year, out month, out day);
        var first = d[..dash1];
        var rest = d[(dash1 + 1)..];
        var dash2 = rest.IndexOf('-');
        var second = dash2 < 0 ? rest : rest[..dash2];
        var third = dash2 < 0 ? [] : rest[(dash2 + 1)..];
        if (third.Contains('-') || first.Length is not (2 or 4) || !TryInt(first, out year)) return false;
        year = FixYear(year, first.Length);
        if (dash2 < 0 && second.Length == 3) return TryInt(second, out var ordinal) && FromOrdinal(year, ordinal, out month, out day);
        if (second.Length is 0 or > 3 || !TryInt(second, out month)) return false;
        return dash2 < 0 || third.Length is > 0 and <= 2 && TryInt(third, out day);
    }

    /// <summary>"YYYY", "YYDDD" (ordinal), "YYMMDD", "YYYYDDD" and "YYYYMMDD".</summary>
    private static bool TryCompactDate(ReadOnlySpan<char> d, out int year, out int month, out int day)
    {
        year = 0; month = 1; day = 1;
        switch (d.Length)
        {
            case 4: return TryInt(d, out year);
            case 5 when TryInt(d[..2], out var yy) && TryInt(d[2..], out var yday):
                year = FixYear(yy, 2);
                return FromOrdinal(year, yday, out month, out day);
            case 6:
                if (!TryInt(d[..2], out year) || !TryInt(d.Slice(2, 2), out month) || !TryInt(d[4..], out day)) return false;
                year = FixYear(year, 2);
                return true;
            case 7 when TryInt(d[..4], out year) && TryInt(d[4..], out var ordinal):
                return FromOrdinal(year, ordinal, out month, out day);
            case 8:
                return TryInt(d[..4], out year) && TryInt(d.Slice(4, 2), out month) && TryInt(d[6..], out day);
            default: return false;
        }
    }

    private static bool FromOrdinal(int year, int ordinal, out int month, out int day)
    {
        month = day = 1;
        if (year is < 1 or > 9999 || ordinal < 1 || ordinal > (DateTime.IsLeapYear(year) ? 366 : 365)) return false;
        var date = new DateTime(year, 1, 1).AddDays(ordinal - 1);
        (month, day) = (date.Month, date.Day);
        return true;
    }

    private static bool TryIsoTime(ReadOnlySpan<char> t, out int hour, out int minute, out int second, out TimeSpan offset)
    {
        hour = minute = second = 0;
        offset = TimeSpan.Zero;
        var zoneAt = t.IndexOfAny("Zz+-");
        var clock = (zoneAt < 0 ? t : t[..zoneAt]).Trim();
        if (zoneAt >= 0)
        {
            var zone = t[zoneAt..].Trim();
            if (zone is not ("Z" or "z") && !TryNumericOffset(zone, out offset)) return false;
        }
        var colon1 = clock.IndexOf(':');
        if (colon1 < 0) return false;
        var hh = clock[..colon1];
        var rest = clock[(colon1 + 1)..];
        var colon2 = rest.IndexOf(':');
        var mm = colon2 < 0 ? rest : rest[..colon2];
        if (hh.Length > 2 || !TryInt(hh, out hour) || mm.Length != 2 || !TryInt(mm, out minute)) return false;
        if (colon2 < 0) return true;
        var sec = rest[(colon2 + 1)..];
        var dot = sec.IndexOfAny('.', ',');
        if (dot >= 0)
        {
            if (!TryInt(sec[(dot + 1)..], out _)) return false;
            sec = sec[..dot];
        }
        return sec.Length == 2 && TryInt(sec, out second);
    }

    /// <summary>"+hh:mm", "-hhmm", "+hh". Minutes over 59 or hours over 14 make it invalid.</summary>
    private static bool TryNumericOffset(ReadOnlySpan<char> zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zone.Length < 2 || zone[0] is not ('+' or '-')) return false;
        Span<char> digits = stackalloc char[8];
        var n = 0;
        foreach (var c in zone[1..])
        {
            if (c == ':') continue;
            if (n == digits.Length) return false;
            digits[n++] = c;
        }
        var d = digits[..n];
        int hours, minutes = 0;
        if (n == 2) { if (!TryInt(d, out hours)) return false; }
        else if (n == 4) { if (!TryInt(d[..2], out hours) || !TryInt(d[2..], out minutes)) return false; }
        else if (n is 3 or 1) { if (!TryInt(d, out hours)) return false; if (hours >= 100) { minutes = hours % 100; hours /= 100; } }
        else return false;
        if (minutes > 59 || hours > 14) return false;
        offset = new TimeSpan(hours, minutes, 0);
        if (zone[0] == '-') offset = -offset;
        return true;
    }
}
