using System.Globalization;
using System.Text.RegularExpressions;

namespace AlertBot.Core.Figures;

/// <summary>
/// The time a figure refers to, from its <see cref="Figure.When"/> ("last October", "since March", "in 2019",
/// "last year") and the article's date; so a series is ordered by what it describes, not when it was published.
/// </summary>
public static partial class FigureTime
{
    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>When the figure holds; the article's date when <paramref name="when"/> says nothing resolvable.</summary>
    public static DateTimeOffset Resolve(string? when, DateTimeOffset articleDate)
    {
        if (string.IsNullOrWhiteSpace(when)) return articleDate;
        var w = when.ToLowerInvariant();
        var year = Year().Match(w) is { Success: true } y ? int.Parse(y.Value, CultureInfo.InvariantCulture) : (int?)null;
        var month = FirstMonth(w);
        if (month > 0)
        {
            var guess = new DateTimeOffset(year ?? articleDate.Year, month, 1, 0, 0, 0, TimeSpan.Zero);
            if (year is null && (guess > articleDate || w.Contains("last", StringComparison.Ordinal) && guess.Month == articleDate.Month)) guess = guess.AddYears(-1);
            if (w.Contains("previous year", StringComparison.Ordinal) || w.Contains("last year", StringComparison.Ordinal)) guess = guess.AddYears(year is null && guess.Year == articleDate.Year ? -1 : 0);
            return guess;
        }
        if (year is { } only) return new DateTimeOffset(only, 7, 1, 0, 0, 0, TimeSpan.Zero);
        if (w.Contains("last year", StringComparison.Ordinal) || w.Contains("previous year", StringComparison.Ordinal)) return articleDate.AddYears(-1);
        if (w.Contains("last month", StringComparison.Ordinal)) return articleDate.AddMonths(-1);
        if (w.Contains("last week", StringComparison.Ordinal)) return articleDate.AddDays(-7);
        if (w.Contains("yesterday", StringComparison.Ordinal) || w.Contains("last night", StringComparison.Ordinal)) return articleDate.AddDays(-1);
        return articleDate;
    }

    /// <summary>A historical comparison ("in the Vietnam War", "in 1997", "two years ago"): context, not the story's present.</summary>
    public static bool IsHistorical(string? when, DateTimeOffset articleDate) =>
        !string.IsNullOrWhiteSpace(when) && (when.Contains(" War", StringComparison.Ordinal) || Resolve(when, articleDate) < articleDate.AddMonths(-18));

    /// <summary>The earliest month of the year (1-12) that <paramref name="w"/> names as a whole word, or 0.</summary>
    private static int FirstMonth(string w)
    {
        var first = 0;
        // Whole-word matches never overlap, so every month named is among the matches.
        foreach (var m in MonthWord().EnumerateMatches(w))
        {
            var month = Array.IndexOf(Months, w.Substring(m.Index, m.Length)) + 1;
            if (first == 0 || month < first) first = month;
        }
        return first;
    }

    [GeneratedRegex(@"\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b")]
    private static partial Regex MonthWord();

    [GeneratedRegex(@"\b(?:1[89]|20)\d{2}\b")]
    private static partial Regex Year();
}
