using System.Globalization;
using AlertBot.Core.Delivery;

namespace AlertBot.Core.Figures;

/// <summary>How one figure reads in chat: "about 11,000", "10,000–12,000", "thousands", "more than 10,000".</summary>
public static class FigureFormat
{
    private static readonly HashSet<string> Magnitudes =
        ["dozens", "scores", "hundreds", "thousands", "millions", "billions", "tens of thousands", "hundreds of thousands", "tens of millions", "hundreds of millions"];

    /// <summary>"11,000", "1.2 million", "320,000".</summary>
    public static string Number(double value)
    {
        if (Math.Abs(value) >= 1_000_000 && value % 100_000 == 0)
        {
            var (scaled, word) = Math.Abs(value) >= 1_000_000_000 && value % 100_000_000 == 0 ? (value / 1_000_000_000, "billion") : (value / 1_000_000, "million");
            return scaled.ToString("0.##", CultureInfo.InvariantCulture) + " " + word;
        }
        return value == Math.Floor(value)
            ? value.ToString("#,0", CultureInfo.InvariantCulture)
            : value.ToString("#,0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>The value with its range and qualifiers: "about 10,000–12,000", "more than 10,000", "3,000 more".</summary>
    public static string Value(Figure f)
    {
        var qualifiers = (f.Qualifier ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (qualifiers.FirstOrDefault(Magnitudes.Contains) is { } magnitude) return magnitude;
        var number = f.ValueHigh is { } high ? Number(f.Value) + "–" + Number(high) : Number(f.Value);
        var prefix = "";
        var suffix = "";
        foreach (var q in qualifiers)
        {
            switch (q)
            {
                case "approximately": prefix = "about "; break;
                case "estimated": prefix = prefix.Length == 0 ? "est. " : prefix; break;
                case "more than": prefix = "more than "; break;
                case "at least": prefix = "at least "; break;
                case "up to": prefix = "up to "; break;
                case "nearly": prefix = "nearly "; break;
                case "less than": prefix = "fewer than "; break;
                case "additional": suffix = " more"; break;
            }
        }
        return prefix + number + suffix;
    }

    /// <summary>"about 11,000 troops deployed".</summary>
    public static string Describe(Figure f) => Value(f) + " " + f.Measure;

    public static AlertFigure ToAlertFigure(Figure f) => new(f.Measure, Value(f), f.ClaimedBy);

    /// <summary>
    /// The figures an alert shows: the main subject's figures first, one per measure before any second of the
    /// same measure, attributed before unattributed, order-of-magnitude guesses last.
    /// </summary>
    public static IReadOnlyList<Figure> KeyFigures(IReadOnlyList<Figure> figures, int max = 4)
    {
        var main = figures.Where(f => f.Subject is not null).GroupBy(f => f.Subject).OrderByDescending(g => g.Count())
            .Select(g => g.Key).FirstOrDefault();
        var ranked = figures
            .Select((f, index) => (f, index))
            .OrderBy(x => x.f.Subject == main || main is null ? 0 : 1)
            .ThenBy(x => IsMagnitude(x.f) ? 1 : 0)
            .ThenBy(x => x.f.ClaimedBy is null ? 1 : 0)
            .ThenBy(x => x.index)
            .Select(x => x.f).ToList();
        var firstPass = ranked.Where(f => f.Subject == main && !IsMagnitude(f)).DistinctBy(f => f.Measure).ToList();
        return firstPass.Concat(ranked.Except(firstPass)).Take(max).ToList();
    }

    public static bool IsMagnitude(Figure f) =>
        (f.Qualifier ?? "").Split(';', StringSplitOptions.TrimEntries).Any(Magnitudes.Contains);

}
