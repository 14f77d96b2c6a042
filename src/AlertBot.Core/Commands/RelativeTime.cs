namespace AlertBot.Core.Commands;

/// <summary>"just now", "5m ago", "3h ago", "2d ago", then a date: compact, for lists of sources.</summary>
public static class RelativeTime
{
    public static string Ago(DateTimeOffset now, DateTimeOffset then)
    {
        var span = now - then;
        if (span < TimeSpan.Zero) return then.ToUniversalTime().ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        if (span < TimeSpan.FromMinutes(1)) return "just now";
        if (span < TimeSpan.FromHours(1)) return $"{(int)span.TotalMinutes}m ago";
        if (span < TimeSpan.FromDays(1)) return $"{(int)span.TotalHours}h ago";
        if (span < TimeSpan.FromDays(60)) return $"{(int)span.TotalDays}d ago";
        return then.ToUniversalTime().ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
    }
}
