using System.Text.Json.Nodes;

namespace AlertBot.Core.Figures;

/// <summary>
/// Figures in the JSON shape of shared/data/figures-dev.jsonl, the contract quality checks read
/// (<c>alertbot extract --json</c>): value, value_high, unit (null, a currency code such as USD/EUR/GBP/INR, or "%"), measure, subject, qualifier, claimed_by, when, quote.
/// </summary>
public static class FigureJson
{
    public static JsonObject ToJson(Figure f) => new()
    {
        ["value"] = f.Value,
        ["value_high"] = f.ValueHigh,
        ["unit"] = f.Unit,
        ["measure"] = f.Measure,
        ["subject"] = f.Subject,
        ["qualifier"] = f.Qualifier,
        ["claimed_by"] = f.ClaimedBy,
        ["when"] = f.When,
        ["quote"] = f.Quote,
    };

    public static JsonArray ToJson(IEnumerable<Figure> figures) => new(figures.Select(f => (JsonNode)ToJson(f)).ToArray());
}
