namespace AlertBot.Core.Feeds.Parsing;

internal static partial class FeedDate
{
    /// <summary>ISO 8601 / W3DTF: full, partial (year, year-month), ordinal, compact and two-digit-year forms.</summary>
    private static DateTimeOffset? ParseIso(string s)
    {
        var split = s.IndexOfAny(['T', 't', ' ']);
        var datePart = split < 0 ? s : s[..split];
        var timePart = split < 0 ? "" : s[(split + 1)..].Trim();
        if (!TryIsoDate(datePart, out var year, out var month, out var day)) return null;
        int hour = 0, minute = 0, second = 0;
        var offset = TimeSpan.Zero;
        if (timePart.Length > 0 && !TryIsoTime(timePart, out hour, out minute, out second, out offset)) return null;
        return Build(year, month, day, hour, minute, second, offset);
    }

    private static bool TryIsoDate(string d, out int year, out int month, out int day)
    {
        year = 0; month = 1; day = 1;
        var parts = d.Split('-');
        if (d.StartsWith('-'))
        {
            // "-YYMM" and "-YY-MM": century-less year and month.
            var body = d[1..];
            if (body.Length == 4 && TryInt(body.AsSpan(0, 2), out var y1) && TryInt(body.AsSpan(2), out month)) { year = FixYear(y1, 2); return true; }
            if (parts.Length == 3 && parts[1].Length == 2 && TryInt(parts[1], out var y2) && TryInt(parts[2], out month)) { year = FixYear(y2, 2); return true; }
            return false;
        }
        if (parts.Length == 1)
        {
            switch (d.Length)
            {
                case 4: return TryInt(d, out year);
                case 5 when TryInt(d.AsSpan(0, 2), out var yy) && TryInt(d.AsSpan(2), out var yday):
                    year = FixYear(yy, 2);
                    return FromOrdinal(year, yday, out month, out day);
                case 6: // YYMMDD
                    if (!TryInt(d.AsSpan(0, 2), out year) || !TryInt(d.AsSpan(2, 2), out month) || !TryInt(d.AsSpan(4), out day)) return false;
                    year = FixYear(year, 2);
                    return true;
                case 7 when TryInt(d.AsSpan(0, 4), out year) && TryInt(d.AsSpan(4), out var ord):
                    return FromOrdinal(year, ord, out month, out day);
                case 8:
                    return TryInt(d.AsSpan(0, 4), out year) && TryInt(d.AsSpan(4, 2), out month) && TryInt(d.AsSpan(6), out day);
                default: return false;
            }
        }
        if (parts.Length > 3 || !TryInt(parts[0], out year) || parts[0].Length is not (2 or 4)) return false;
        year = FixYear(year, parts[0].Length);
        if (parts.Length == 2 && parts[1].Length == 3) return TryInt(parts[1], out var ordinal) && FromOrdinal(year, ordinal, out month, out day);
        if (!TryInt(parts[1], out month) || parts[1].Length > 3) return false;
        return parts.Length == 2 || TryInt(parts[2], out day) && parts[2].Length <= 2;
    }

    private static bool FromOrdinal(int year, int ordinal, out int month, out int day)
    {
        month = day = 1;
        if (year is < 1 or > 9999 || ordinal < 1 || ordinal > (DateTime.IsLeapYear(year) ? 366 : 365)) return false;
        var date = new DateTime(year, 1, 1).AddDays(ordinal - 1);
        (month, day) = (date.Month, date.Day);
        return true;
    }

    private static bool TryIsoTime(string t, out int hour, out int minute, out int second, out TimeSpan offset)
    {
        hour = minute = second = 0;
        offset = TimeSpan.Zero;
        var zoneAt = t.IndexOfAny(['Z', 'z', '+', '-']);
        var clock = (zoneAt < 0 ? t : t[..zoneAt]).Trim();
        if (zoneAt >= 0)
        {
            var zone = t[zoneAt..].Trim();
            if (zone is "Z" or "z") offset = TimeSpan.Zero;
            else if (!TryNumericOffset(zone, out offset)) return false;
        }
        var fields = clock.Split(':');
        if (fields.Length is < 2 or > 3) return false;
        if (!TryInt(fields[0], out hour) || fields[0].Length > 2 || !TryInt(fields[1], out minute) || fields[1].Length != 2) return false;
        if (fields.Length == 3)
        {
            var sec = fields[2];
            var dot = sec.IndexOfAny(['.', ',']);
            if (dot >= 0)
            {
                if (!TryInt(sec.AsSpan(dot + 1), out _)) return false;
                sec = sec[..dot];
            }
            if (!TryInt(sec, out second) || sec.Length != 2) return false;
        }
        return true;
    }

    /// <summary>"+hh:mm", "-hhmm", "+hh". Minutes over 59 make it invalid.</summary>
    private static bool TryNumericOffset(string zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zone.Length < 2 || zone[0] is not ('+' or '-')) return false;
        var digits = zone[1..].Replace(":", "", StringComparison.Ordinal);
        int hours, minutes = 0;
        if (digits.Length == 2) { if (!TryInt(digits, out hours)) return false; }
        else if (digits.Length == 4) { if (!TryInt(digits.AsSpan(0, 2), out hours) || !TryInt(digits.AsSpan(2), out minutes)) return false; }
        else if (digits.Length is 3 or 1) { if (!TryInt(digits, out hours)) return false; if (hours >= 100) { minutes = hours % 100; hours /= 100; } }
        else return false;
        if (minutes > 59 || hours > 14) return false;
        offset = new TimeSpan(hours, minutes, 0);
        if (zone[0] == '-') offset = -offset;
        return true;
    }
}
