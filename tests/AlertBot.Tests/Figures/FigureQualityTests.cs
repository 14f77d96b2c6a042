using System.Text.Json;
using AlertBot.Core.Articles;
using AlertBot.Core.Figures;
using Xunit.Abstractions;

namespace AlertBot.Tests.Figures;

/// <summary>Precision and recall on the labelled development set over the five seeds.</summary>
public sealed class FigureQualityTests(ITestOutputHelper output)
{
    private sealed record Gold(string File, double Value, double? ValueHigh, string Measure);

    [Fact]
    public void Attribution_agreement_on_matched_figures_is_reported()
    {
        // Informational: how often claimed_by agrees with the labels (one contains the other, or both empty).
        var agree = 0;
        var total = 0;
        foreach (var line in File.ReadLines(Path.Combine(SharedData.Data, "figures-dev.jsonl")).Where(l => l.Trim().Length > 0))
        {
            var e = JsonDocument.Parse(line).RootElement;
            var (title, text) = SharedData.Seed(e.GetProperty("file").GetString()!);
            var high = e.GetProperty("value_high").ValueKind == JsonValueKind.Null ? (double?)null : e.GetProperty("value_high").GetDouble();
            var match = FigureExtractor.Extract(title, text).FirstOrDefault(f =>
                f.Value == e.GetProperty("value").GetDouble() && f.ValueHigh == high && f.Measure == e.GetProperty("measure").GetString());
            if (match is null) continue;
            total++;
            var gold = Fold(e.GetProperty("claimed_by").GetString());
            var got = Fold(match.ClaimedBy);
            if (gold.Length == 0 && got.Length == 0 || gold.Length > 0 && got.Length > 0 && (gold.Contains(got, StringComparison.Ordinal) || got.Contains(gold, StringComparison.Ordinal)))
                agree++;
            else output.WriteLine($"claimed_by differs: {e.GetProperty("value")} {e.GetProperty("measure")}: gold '{gold}' got '{got}'");
        }
        output.WriteLine($"figures claimed_by agreement={agree}/{total}");
        Assert.True(total > 0);
    }

    private static string Fold(string? s) => (s ?? "").Replace('’', '\'').ToLowerInvariant().Trim();

    private static List<Gold> LoadGold() =>
        File.ReadLines(Path.Combine(SharedData.Data, "figures-dev.jsonl"))
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => new Gold(
                e.GetProperty("file").GetString()!,
                e.GetProperty("value").GetDouble(),
                e.GetProperty("value_high").ValueKind == JsonValueKind.Null ? null : e.GetProperty("value_high").GetDouble(),
                e.GetProperty("measure").GetString()!))
            .ToList();

    [Fact]
    public void Precision_and_recall_on_the_dev_set_are_at_least_0_9() => AssertQuality("raw seeds", (_, text) => text);

    [Fact]
    public void Precision_and_recall_hold_on_text_cleaned_by_the_article_cleaner() =>
        AssertQuality("cleaned seeds", ArticleCleaner.Clean);

    private void AssertQuality(string label, Func<string, string, string> prepare)
    {
        var gold = LoadGold();
        var files = Directory.GetFiles(SharedData.Seeds, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var predicted = new List<Gold>();
        foreach (var file in files)
        {
            var (title, text) = SharedData.Seed(file!);
            predicted.AddRange(FigureExtractor.Extract(title, prepare(title, text))
                .Select(f => new Gold(file!, f.Value, f.ValueHigh, f.Measure)).Distinct());
        }
        var goldSet = gold.ToHashSet();
        var predictedSet = predicted.ToHashSet();
        var truePositives = predictedSet.Count(goldSet.Contains);
        var precision = predictedSet.Count == 0 ? 0 : (double)truePositives / predictedSet.Count;
        var recall = (double)goldSet.Count(predictedSet.Contains) / goldSet.Count;

        foreach (var miss in goldSet.Where(g => !predictedSet.Contains(g))) output.WriteLine($"missed: {miss}");
        foreach (var extra in predictedSet.Where(p => !goldSet.Contains(p))) output.WriteLine($"extra: {extra}");
        output.WriteLine($"figures ({label}) precision={precision:F3} recall={recall:F3} (predicted={predictedSet.Count} gold={goldSet.Count} tp={truePositives})");
        Console.WriteLine($"figures ({label}) precision={precision:F3} recall={recall:F3}");

        Assert.True(precision >= 0.9, $"{label}: precision {precision:F3} < 0.9");
        Assert.True(recall >= 0.9, $"{label}: recall {recall:F3} < 0.9");
    }

    [Fact]
    public void No_distractor_of_the_dev_set_is_reported()
    {
        foreach (var line in File.ReadLines(Path.Combine(SharedData.Data, "distractors-dev.jsonl")).Where(l => l.Trim().Length > 0))
        {
            var e = JsonDocument.Parse(line).RootElement;
            var file = e.GetProperty("file").GetString()!;
            var text = e.GetProperty("text").GetString()!;
            var (title, body) = SharedData.Seed(file);
            var numbers = NumbersIn(text);
            Assert.NotEmpty(numbers);
            var offending = FigureExtractor.Extract(title, body)
                .Where(f => f.Quote.Contains(text, StringComparison.OrdinalIgnoreCase) && numbers.Contains(f.Value))
                .ToList();
            Assert.True(offending.Count == 0, $"{file}: distractor '{text}' reported as {string.Join(", ", offending.Select(o => o.Value + " " + o.Measure))}");
        }
    }

    [Fact]
    public void Cleaned_text_without_furniture_gives_the_same_figures()
    {
        foreach (var file in Directory.GetFiles(SharedData.Seeds, "*.txt").Select(Path.GetFileName))
        {
            var (title, text) = SharedData.Seed(file!);
            // What a cleaner leaves: paragraphs only, joined by blank lines, without short furniture lines.
            var cleaned = string.Join("\n\n", text.Split('\n').Where(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 6 || l.Contains('|', StringComparison.Ordinal))
                .Where(l => !l.StartsWith("Original Source", StringComparison.Ordinal)));
            var raw = FigureExtractor.Extract(title, text).Select(f => (f.Value, f.ValueHigh, f.Measure)).ToHashSet();
            var clean = FigureExtractor.Extract(title, cleaned).Select(f => (f.Value, f.ValueHigh, f.Measure)).ToHashSet();
            Assert.True(raw.SetEquals(clean), $"{file}: raw and cleaned differ");
        }
    }

    private static HashSet<double> NumbersIn(string text)
    {
        var tokens = FigureTokenizer.Tokenize(text);
        var values = new HashSet<double>();
        for (var i = 0; i < tokens.Count; i++)
            if (NumberParser.TryParse(tokens, i) is { } n) { values.Add(n.Value); i = n.End - 1; }
        return values;
    }
}
