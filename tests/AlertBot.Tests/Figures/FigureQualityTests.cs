using System.Text.Json;
using AlertBot.Core.Articles;
using AlertBot.Core.Figures;
using Xunit.Abstractions;

namespace AlertBot.Tests.Figures;

/// <summary>Precision, recall, measure and attribution agreement on the seeds and on figures-dev2 (many domains).</summary>
public sealed class FigureQualityTests(ITestOutputHelper output)
{
    private static List<JsonElement> Rows(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToList();

    [Fact]
    public void Seeds_score_at_least_0_9_precision_and_recall_by_the_dev2_matching_rule() =>
        AssertQuality("seeds", SharedData.Seeds, Path.Combine(SharedData.Data, "figures-dev.jsonl"), Path.Combine(SharedData.Data, "distractors-dev.jsonl"), null);

    [Fact]
    public void Figures_dev2_scores_at_least_0_9_precision_and_recall_and_prints_each_domain()
    {
        var dir = Path.Combine(SharedData.Data, "figures-dev2");
        var domains = Rows(Path.Combine(dir, "manifest.jsonl")).ToDictionary(e => e.GetProperty("file").GetString()!, e => e.GetProperty("domain").GetString()!);
        AssertQuality("figures-dev2", dir, Path.Combine(dir, "gold.jsonl"), Path.Combine(dir, "distractors.jsonl"), domains);
    }

    /// <summary>Each file as <c>alertbot extract</c> reads it (title picked, text cleaned), scored by <see cref="FigureScore"/>.</summary>
    private void AssertQuality(string label, string dir, string goldPath, string distractorPath, Dictionary<string, string>? domains)
    {
        var gold = Rows(goldPath).Select(GoldFigure.Parse).ToList();
        var distractors = Rows(distractorPath).Select(e => (File: e.GetProperty("file").GetString()!, Text: e.GetProperty("text").GetString()!)).ToList();
        var total = new FigureScore();
        var perDomain = new SortedDictionary<string, FigureScore>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            var article = ArticleExtraction.FromFile(path);
            var figures = FigureExtractor.Extract(article.Title, article.Text);
            var fileGold = gold.Where(g => g.File == file).ToList();
            var fileDistractors = distractors.Where(d => d.File == file).Select(d => d.Text).ToList();
            total.Score(file, figures, fileGold, fileDistractors);
            var domain = domains?.GetValueOrDefault(file) ?? label;
            if (!perDomain.TryGetValue(domain, out var score)) perDomain[domain] = score = new FigureScore();
            score.Score(file, figures, fileGold, fileDistractors);
        }
        foreach (var line in total.Log) output.WriteLine(line);
        foreach (var (domain, score) in perDomain) output.WriteLine(score.Summary("  " + domain));
        output.WriteLine(total.Summary("figures " + label));
        Console.WriteLine(total.Summary("figures " + label));

        Assert.True(total.Precision >= 0.9, $"{label}: precision {total.Precision:F2} < 0.90");
        Assert.True(total.Recall >= 0.9, $"{label}: recall {total.Recall:F2} < 0.90");
    }

    [Fact]
    public void Raw_seeds_without_the_cleaner_keep_their_recall()
    {
        // Feed content can reach the extractor uncleaned (furniture and pipe tables included): nothing is lost.
        var gold = Rows(Path.Combine(SharedData.Data, "figures-dev.jsonl")).Select(GoldFigure.Parse).ToList();
        var score = new FigureScore();
        foreach (var file in gold.Select(g => g.File).Distinct())
        {
            var (title, text) = SharedData.Seed(file);
            score.Score(file, FigureExtractor.Extract(title, text), gold.Where(g => g.File == file).ToList(), []);
        }
        output.WriteLine(score.Summary("raw seeds"));
        Assert.True(score.Recall >= 0.9, score.Summary("raw seeds"));
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
