using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AlertBot.Core.Figures;

namespace AlertBot.Tests.Figures;

/// <summary>A labelled figure: core rows count towards recall, optional ones are neither required nor penalised.</summary>
internal sealed record GoldFigure(string File, double Value, double? ValueHigh, string Measure, string? ClaimedBy, bool Optional)
{
    public static GoldFigure Parse(JsonElement e) => new(
        e.GetProperty("file").GetString()!,
        e.GetProperty("value").GetDouble(),
        e.TryGetProperty("value_high", out var h) && h.ValueKind == JsonValueKind.Number ? h.GetDouble() : null,
        e.GetProperty("measure").GetString()!,
        e.TryGetProperty("claimed_by", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null,
        e.TryGetProperty("optional", out var o) && o.ValueKind == JsonValueKind.True);
}

/// <summary>
/// The matching rule of shared/data/figures-dev2/README.md (and tools/score_figures.py): a prediction matches a gold
/// row of its file when value and range end agree within 0.5%, preferring an unmatched row of the same measure family.
/// Core rows count towards recall; a match with an optional row or a repeat of a matched row is neutral; any other
/// prediction is a false positive, and a distractor hit when its value is a distractor's number.
/// </summary>
internal sealed partial class FigureScore
{
    private static readonly HashSet<string>[] Families =
    [
        ["killed", "dead", "deaths", "death", "died", "toll", "fatalities", "lives"],
        ["injured", "wounded", "injuries", "hurt"],
        ["casualties", "casualty"],
        ["troops", "soldiers", "men", "personnel", "forces", "army", "troop", "deployed", "sent", "dispatched"],
        ["arrested", "arrests", "detained"],
        ["displaced", "refugees", "homeless", "evacuated"],
        ["usd", "dollars", "aid", "loan", "package", "damage", "$", "billion", "million", "claims", "pledged", "inr", "rupees"],
        ["turnout", "votes", "voters", "cast", "eligible"],
        ["cases", "infected", "confirmed", "suspected"],
        ["crowd", "protesters", "people", "demonstrators", "attendance"],
        ["police", "officers"],
        ["buildings", "houses", "homes", "destroyed", "damaged"],
        ["customers", "power", "outages"],
    ];

    private readonly HashSet<GoldFigure> _matched = [];
    public int TruePositives { get; private set; }
    public int FalsePositives { get; private set; }
    public int DistractorHits { get; private set; }
    public int MeasureAgree { get; private set; }
    public int AttributionAgree { get; private set; }
    public int AttributionTotal { get; private set; }
    public int Core { get; private set; }
    public List<string> Log { get; } = [];

    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => Core == 0 ? 0 : (double)TruePositives / Core;

    public void Score(string file, IReadOnlyList<Figure> predicted, IReadOnlyList<GoldFigure> gold, IReadOnlyList<string> distractors)
    {
        Core += gold.Count(g => !g.Optional);
        var distractorValues = distractors.Select(DistractorNumber).OfType<double>().ToList();
        foreach (var p in predicted)
        {
            var hit = gold.OrderBy(g => _matched.Contains(g)).ThenBy(g => !SameMeasure(p.Measure, g.Measure)).FirstOrDefault(g => ValueMatch(p, g));
            if (hit is not null)
            {
                if (hit.Optional || !_matched.Add(hit)) continue;
                TruePositives++;
                if (SameMeasure(p.Measure, hit.Measure)) MeasureAgree++;
                else Log.Add($"  MEASURE {file}: {hit.Value} got '{p.Measure}' want '{hit.Measure}'");
                if (hit.ClaimedBy is not null)
                {
                    AttributionTotal++;
                    if (Words(hit.ClaimedBy).Except(["the", "of", "s"]).Intersect(Words(p.ClaimedBy)).Any()) AttributionAgree++;
                    else Log.Add($"  CLAIM {file}: {hit.Value} got '{p.ClaimedBy}' want '{hit.ClaimedBy}'");
                }
                continue;
            }
            FalsePositives++;
            if (distractorValues.Exists(d => Close(d, p.Value))) DistractorHits++;
            Log.Add($"  FP {file}: {p.Value} '{p.Measure}' <- {p.Quote[..Math.Min(90, p.Quote.Length)]}");
        }
        foreach (var g in gold.Where(g => !g.Optional && !_matched.Contains(g))) Log.Add($"  FN {file}: {g.Value} '{g.Measure}'");
    }

    public string Summary(string label) =>
        $"{label}: precision={Precision:F2} recall={Recall:F2} measure={(TruePositives == 0 ? 0 : (double)MeasureAgree / TruePositives):F2} " +
        $"attribution={(AttributionTotal == 0 ? 0 : (double)AttributionAgree / AttributionTotal):F2} distractor_hits={DistractorHits} " +
        $"tp={TruePositives} fp={FalsePositives} core={Core}";

    private static bool ValueMatch(Figure p, GoldFigure g) =>
        g.ValueHigh is null
            ? Close(p.Value, g.Value) && (p.ValueHigh is null || Close(p.ValueHigh.Value, g.Value))
            : Close(p.Value, g.Value) && p.ValueHigh is { } high && Close(high, g.ValueHigh.Value);

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 0.005 * Math.Max(Math.Max(Math.Abs(a), Math.Abs(b)), 1);

    private static double? DistractorNumber(string text)
    {
        var digits = NotDigit().Replace(text, "");
        if (digits.Length == 0 || digits.Count(c => c == '.') > 1 || digits == ".") return null;
        return double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static HashSet<string> Words(string? s) => WordPattern().Matches((s ?? "").ToLowerInvariant()).Select(m => m.Value).ToHashSet();

    private static HashSet<object> FamilyOf(string measure)
    {
        var w = Words(measure);
        var families = Families.Select((f, i) => (f, i)).Where(x => x.f.Overlaps(w)).Select(x => (object)x.i).ToHashSet();
        return families.Count > 0 ? families : w.Select(x => (object)x).ToHashSet();
    }

    private static bool SameMeasure(string a, string b) =>
        FamilyOf(a).Overlaps(FamilyOf(b)) || Words(a).Intersect(Words(b).Except(["of", "the", "a", "in", "to", "and", "or"])).Any();

    [GeneratedRegex(@"[^0-9.]")]
    private static partial Regex NotDigit();

    [GeneratedRegex(@"[a-z$]+")]
    private static partial Regex WordPattern();
}
