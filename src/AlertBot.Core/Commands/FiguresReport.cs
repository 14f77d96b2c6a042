using System.Globalization;
using System.Text;
using AlertBot.Core.Figures;

namespace AlertBot.Core.Commands;

/// <summary>
/// The /figures reply, as plain text. Figures are grouped by measure and subject; each estimate shows its value with
/// unit and qualifier, who claims it, the outlet and how long ago. Competing claimants sit side by side and a line
/// says which estimate is newest and whether sources disagree; a series over time only ever joins one claimant's
/// estimates of one measure and subject, ordered by the time each refers to. Figures about another subject or a
/// historical comparison are listed apart, under "Context".
/// </summary>
public static class FiguresReport
{
    public const int MaxGroups = 10;
    public const int MaxEstimatesPerGroup = 6;
    public const int MaxContext = 5;

    private sealed record Estimate(StoredFigure Stored, DateTimeOffset RefersTo)
    {
        public Figure Figure => Stored.Figure;
        public string Claimant => Figure.ClaimedBy ?? "unattributed";
    }

    public static string Render(string topicName, IReadOnlyList<StoredFigure> figures, DateTimeOffset now)
    {
        if (figures.Count == 0)
            return $"No figures known for {topicName} yet: none of its stored articles reports a number I could attribute to a measure.";

        var estimates = figures
            .DistinctBy(f => (f.Figure.Value, f.Figure.ValueHigh, f.Figure.Unit, f.Figure.Measure, f.Figure.Subject, f.Figure.ClaimedBy, f.Outlet))
            .Select(f => new Estimate(f, FigureTime.Resolve(f.Figure.When, f.ArticleDate))).ToList();
        var main = estimates.Where(e => e.Figure.Subject is not null).GroupBy(e => e.Figure.Subject)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        var context = estimates.Where(e => IsOtherSubject(e.Figure.Subject, main) || FigureTime.IsHistorical(e.Figure.When, e.Stored.ArticleDate)).ToList();
        var groups = estimates.Except(context)
            .GroupBy(e => (e.Figure.Measure, Subject: e.Figure.Subject ?? main))
            .OrderByDescending(g => g.Count())
            .ThenByDescending(g => g.Max(e => e.Stored.ArticleDate))
            .ToList();

        var outlets = estimates.Select(e => e.Stored.Outlet ?? e.Stored.ArticleTitle).Distinct().Count();
        var sb = new StringBuilder($"Figures for {topicName}: {Plural(estimates.Count, "estimate")} from {Plural(outlets, "outlet")}.");
        foreach (var g in groups.Take(MaxGroups))
        {
            sb.Append("\n\n").Append(Capitalise(g.Key.Measure));
            if (g.Key.Subject is not null) sb.Append(" — ").Append(g.Key.Subject);
            var ordered = g.OrderByDescending(e => e.RefersTo).ThenByDescending(e => e.Stored.ArticleDate).ToList();
            sb.Append('\n').Append(Verdict(ordered, now));
            foreach (var e in ordered.Take(MaxEstimatesPerGroup)) sb.Append("\n• ").Append(Line(e, now));
            if (ordered.Count > MaxEstimatesPerGroup) sb.Append("\n  … and ").Append(ordered.Count - MaxEstimatesPerGroup).Append(" more");
            foreach (var series in ordered.GroupBy(e => e.Claimant).Select(Series).OfType<string>()) sb.Append("\n  ").Append(series);
        }
        if (groups.Count > MaxGroups) sb.Append("\n\n… and ").Append(Plural(groups.Count - MaxGroups, "more measure")).Append('.');
        if (context.Count > 0)
        {
            sb.Append("\n\nContext (other subjects, history):");
            foreach (var e in context.OrderByDescending(e => e.Stored.ArticleDate).Take(MaxContext))
                sb.Append("\n• ").Append(Capitalise(e.Figure.Measure)).Append(e.Figure.Subject is null ? "" : " — " + e.Figure.Subject).Append(": ").Append(Line(e, now));
            if (context.Count > MaxContext) sb.Append("\n  … and ").Append(context.Count - MaxContext).Append(" more");
        }
        return sb.ToString();
    }

    /// <summary>"Newest: about 1,200 (U.S. assessments, 3d ago). Sources disagree: estimates range from 1,200 to 4,000."</summary>
    private static string Verdict(IReadOnlyList<Estimate> ordered, DateTimeOffset now)
    {
        var newest = ordered[0];
        var text = $"Newest: {FigureFormat.Value(newest.Figure)} ({newest.Claimant}, {RelativeTime.Ago(now, newest.Stored.ArticleDate)}).";
        var totals = ordered.Where(e => FigureFormat.IsTotal(e.Figure)).ToList();
        if (totals.Select(e => e.Claimant).Distinct().Count() < 2) return text;
        var low = totals.MinBy(e => e.Figure.Value)!.Figure;
        var high = totals.MaxBy(e => e.Figure.ValueHigh ?? e.Figure.Value)!.Figure;
        var highValue = high.ValueHigh ?? high.Value;
        return low.Value == highValue
            ? text + " Sources agree."
            : text + $" Sources disagree: estimates range from {FigureFormat.WithUnit(low.Value, low.Unit)} to {FigureFormat.WithUnit(highValue, high.Unit)}.";
    }

    private static string Line(Estimate e, DateTimeOffset now)
    {
        var f = e.Figure;
        var text = FigureFormat.Value(f);
        if (f.When is not null) text += " (" + f.When + ")";
        text += " — " + e.Claimant;
        var source = new List<string>();
        if (e.Stored.Outlet is not null) source.Add(e.Stored.Outlet);
        source.Add(RelativeTime.Ago(now, e.Stored.ArticleDate));
        return text + " · " + string.Join(", ", source);
    }

    /// <summary>
    /// "Over time (NIS): 3,000 → 11,000 → 14,000 (Oct 2024–Mar 2025)": one claimant's totals ordered by the time each
    /// refers to; increments and orders of magnitude stay out; null when there is no movement to show.
    /// </summary>
    private static string? Series(IGrouping<string, Estimate> claimant)
    {
        var points = claimant.Where(e => FigureFormat.IsTotal(e.Figure)).OrderBy(e => e.RefersTo).ThenBy(e => e.Stored.ArticleDate).ToList();
        var values = new List<string>();
        foreach (var p in points)
        {
            var text = p.Figure.ValueHigh is { } h ? FigureFormat.WithUnit(p.Figure.Value, p.Figure.Unit) + "–" + FigureFormat.WithUnit(h, p.Figure.Unit)
                : FigureFormat.WithUnit(p.Figure.Value, p.Figure.Unit);
            if (values.Count == 0 || values[^1] != text) values.Add(text);
        }
        if (values.Count < 2) return null;
        return $"Over time ({claimant.Key}): " + string.Join(" → ", values) + " (" + Span(points[0].RefersTo, points[^1].RefersTo) + ")";
    }

    private static string Span(DateTimeOffset from, DateTimeOffset to)
    {
        var format = from.Year == to.Year ? "MMM" : "MMM yyyy";
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

    /// <summary>"1 estimate", "3 estimates", "2 more measures".</summary>
    internal static string Plural(int count, string noun) => count + " " + (count == 1 ? noun : noun + "s");

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
