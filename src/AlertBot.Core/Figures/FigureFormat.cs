using System.Collections.Frozen;
using System.Globalization;

namespace AlertBot.Core.Figures;

/// <summary>How one figure's value reads: "about 11,000", "10,000–12,000", "thousands", "€50 billion", "59%".</summary>
public static class FigureFormat
{
    private static readonly FrozenSet<string> Magnitudes =
        ["dozens", "scores", "hundreds", "thousands", "millions", "billions", "tens of thousands", "hundreds of thousands", "tens of millions", "hundreds of millions"];

    private static readonly Dictionary<string, string> CurrencySigns = new(StringComparer.Ordinal)
    {
        ["USD"] = "$", ["EUR"] = "€", ["GBP"] = "£", ["INR"] = "₹", ["JPY"] = "¥",
    };

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

    /// <summary>A number with its unit: "€50 billion", "9,044.8 crore" as "₹90.45 billion", "59%", "0.5 percentage points", "1,200".</summary>
    public static string WithUnit(double value, string? unit) => unit switch
    {
        null => Number(value),
        "%" => Number(value) + "%",
        "percentage points" => Number(value) + " percentage points",
        _ when CurrencySigns.TryGetValue(unit, out var sign) => sign + Money(value),
        _ => Money(value) + " " + unit,
    };

    // Sums are rounded to what a reader takes in: "$5.5 billion", "₹669.85 million".
    private static string Money(double value)
    {
        if (Math.Abs(value) >= 1e9) return (value / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + " billion";
        if (Math.Abs(value) >= 1e6) return (value / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + " million";
        return Number(value);
    }

    /// <summary>The value with its range, unit and qualifiers: "about 10,000–12,000", "more than 10,000", "3,000 more", "€50 billion".</summary>
    public static string Value(Figure f)
    {
        var qualifiers = (f.Qualifier ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (qualifiers.FirstOrDefault(Magnitudes.Contains) is { } magnitude) return magnitude;
        var number = f.ValueHigh is { } high ? WithUnit(f.Value, f.Unit) + "–" + WithUnit(high, f.Unit) : WithUnit(f.Value, f.Unit);
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
                case "less than": prefix = f.Unit is null ? "fewer than " : "less than "; break;
                case "additional": suffix = " more"; break;
            }
        }
        return prefix + number + suffix;
    }

    /// <summary>"about 11,000 troops deployed".</summary>
    public static string Describe(Figure f) => Value(f) + " " + f.Measure;

    public static bool IsMagnitude(Figure f) =>
        f.Qualifier is not null && f.Qualifier.Split(';', StringSplitOptions.TrimEntries).Any(Magnitudes.Contains);

    /// <summary>An increment ("3,000 more") or an order of magnitude: not a total a series or a range can use.</summary>
    public static bool IsTotal(Figure f) => !IsMagnitude(f) && !(f.Qualifier ?? "").Contains("additional", StringComparison.Ordinal);
}
