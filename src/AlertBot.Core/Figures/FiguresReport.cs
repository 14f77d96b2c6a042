using AlertBot.Core.Commands;
using System.Globalization;
using System.Text;

namespace AlertBot.Core.Figures;

/// <summary>
/// The /figures reply, as plain text. Figures are grouped by measure and subject; competing estimates of one
/// measure sit side by side, newest first, each with who claims it, the outlet and how long ago; a compact series
/// shows how the estimate moved over time. Another subject's figures form their own group, never the main series.
/// </summary>
public static class FiguresReport
{
    public const int MaxGroups = 10;
    public const int MaxEstimatesPerGroup = 6;

    public static string Render(string topicName, IReadOnlyList<StoredFigure> figures, DateTimeOffset now)
    {
        if (figures.Count == 0)
            return $"No figures known for {topicName} yet: none of its stored articles reports a number I could attribute to a measure.";

        var main = figures.Where(f => f.Figure.Subject is not null).GroupBy(f => f.Figure.Subject)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        var groups = figures
            .GroupBy(f => (f.Figure.Measure, Subject: f.Figure.Subject ?? main))
            .OrderBy(g => g.Key.Subject == main ? 0 : 1)
            .ThenByDescending(g => g.Count())
            .ThenByDescending(g => g.Max(f => f.ArticleDate))
            .ToList();

        var sb = new StringBuilder($"Figures for {topicName} ({figures.Count} from {figures.Select(f => f.Outlet ?? f.ArticleTitle).Distinct().Count()} sources):");
        foreach (var g in groups.Take(MaxGroups))
        {
            sb.Append("\n\n").Append(Capitalise(g.Key.Measure));
            if (g.Key.Subject is not null) sb.Append(" — ").Append(g.Key.Subject);
            if (IsOtherSubject(g.Key.Subject, main)) sb.Append(" (other subject)");
            var estimates = g.OrderByDescending(f => f.ArticleDate)
                .DistinctBy(f => (f.Figure.Value, f.Figure.ValueHigh, f.Figure.ClaimedBy, f.Outlet)).ToList();
            foreach (var e in estimates.Take(MaxEstimatesPerGroup)) sb.Append("\n• ").Append(Estimate(e, now));
            if (estimates.Count > MaxEstimatesPerGroup) sb.Append("\n  … and ").Append(estimates.Count - MaxEstimatesPerGroup).Append(" more");
            if (Series(g.ToList()) is { } series) sb.Append("\n  Over time: ").Append(series);
        }
        if (groups.Count > MaxGroups)
        {
            var more = groups.Count - MaxGroups;
            sb.Append("\n\n… and ").Append(more).Append(more == 1 ? " more measure." : " more measures.");
        }
        return sb.ToString();
    }

    private static string Estimate(StoredFigure s, DateTimeOffset now)
    {
        var f = s.Figure;
        var text = FigureFormat.Value(f);
        if (f.When is not null) text += " (" + f.When + ")";
        text += " — " + (f.ClaimedBy ?? "unattributed");
        var source = new List<string>();
        if (s.Outlet is not null) source.Add(s.Outlet);
        source.Add(RelativeTime.Ago(now, s.ArticleDate));
        return text + " · " + string.Join(", ", source);
    }

    /// <summary>
    /// "3,000 → 11,000 → 14,000 (Oct–Mar)": totals in the order they were published. Increments ("3,000 more")
    /// and orders of magnitude are not totals and stay out; null when there is no movement to show.
    /// </summary>
    internal static string? Series(IReadOnlyList<StoredFigure> group)
    {
        var points = group.Where(f => !FigureFormat.IsMagnitude(f.Figure) && !(f.Figure.Qualifier ?? "").Contains("additional", StringComparison.Ordinal))
            .OrderBy(f => f.ArticleDate).ToList();
        var values = new List<(string Text, DateTimeOffset Date)>();
        foreach (var p in points)
        {
            var text = p.Figure.ValueHigh is { } h ? FigureFormat.Number(p.Figure.Value) + "–" + FigureFormat.Number(h) : FigureFormat.Number(p.Figure.Value);
            if (values.Count == 0 || values[^1].Text != text) values.Add((text, p.ArticleDate));
        }
        if (values.Count < 2) return null;
        return string.Join(" → ", values.Select(v => v.Text)) + " (" + Span(points[0].ArticleDate, points[^1].ArticleDate) + ")";
    }

    private static string Span(DateTimeOffset from, DateTimeOffset to)
    {
        var sameYear = from.Year == to.Year;
        var format = sameYear ? "MMM" : "MMM yyyy";
        var a = from.ToString(format, CultureInfo.InvariantCulture);
        var b = to.ToString(format, CultureInfo.InvariantCulture);
        return a == b ? a : a + "–" + b;
    }

    // "North Korean army" is the main subject's country, only another noun; "South Korean troops" is someone else.
    private static bool IsOtherSubject(string? subject, string? main)
    {
        if (subject is null || main is null || subject == main) return false;
        static string Owner(string s) => s.Contains(' ', StringComparison.Ordinal) ? s[..s.LastIndexOf(' ')] : s;
        return Owner(subject) != Owner(main);
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
