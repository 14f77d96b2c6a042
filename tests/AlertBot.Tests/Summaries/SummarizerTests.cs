using Xunit.Abstractions;
using AlertBot.Core.Articles;
using AlertBot.Core.Figures;
using AlertBot.Core.Summaries;
using AlertBot.Core.Text;
using AlertBot.Tests.Articles;

namespace AlertBot.Tests.Summaries;

public sealed class SummarizerTests(ITestOutputHelper output)
{
    public static TheoryData<string> Seeds => ArticleTestFiles.Seeds;

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_summary_is_whole_sentences_of_the_text_within_budget_without_furniture_or_headline(string id)
    {
        var article = ArticleExtraction.FromFile(ArticleTestFiles.SeedPath(id));

        var summary = Summarizer.Summarize(article.Title, article.Text);
        output.WriteLine(summary);

        Assert.InRange(summary.Length, 80, Summarizer.DefaultMaxChars);
        var sentences = SentenceSplitter.Split(summary);
        Assert.All(sentences, s =>
        {
            Assert.Contains(s, article.Text, StringComparison.Ordinal);
            Assert.Matches(@"[.!?…][""”’)]*$", s);
            Assert.NotEqual(ArticleCleaner.Key(article.Title), ArticleCleaner.Key(s));
        });
        foreach (var furniture in ArticleTestFiles.FixtureLines(id, "furniture"))
            Assert.DoesNotContain(furniture, summary, StringComparison.Ordinal);
        Assert.DoesNotContain("|", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("004")]
    public void Seed_summary_carries_a_figure_of_the_story(string id)
    {
        var article = ArticleExtraction.FromFile(ArticleTestFiles.SeedPath(id));

        Assert.Matches(@"\d{1,3},\d{3}", Summarizer.Summarize(article.Title, article.Text));
    }

    [Fact]
    public void Lead_sentence_comes_first_when_it_fits()
    {
        const string text = "Rebels seized the northern town of Kalo on Sunday, officials said. The town had been calm for years. "
            + "Residents fled south. About 2,000 people crossed the river by Monday, the United Nations said.";

        var summary = Summarizer.Summarize("Rebels seize Kalo", text, 140);

        Assert.StartsWith("Rebels seized the northern town of Kalo on Sunday, officials said.", summary, StringComparison.Ordinal);
        Assert.Contains("About 2,000 people crossed the river by Monday, the United Nations said.", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Headline_repeated_as_a_sentence_is_skipped()
    {
        const string text = "Rebels seize the northern town of Kalo.\nRebels took control of Kalo on Sunday after a short battle, officials said.";

        Assert.Equal("Rebels took control of Kalo on Sunday after a short battle, officials said.",
            Summarizer.Summarize("Rebels seize the northern town of Kalo", text));
    }

    [Fact]
    public void Long_first_sentence_gives_way_to_the_best_sentence_that_fits()
    {
        var longLead = "The government, which had for months insisted that " + string.Join(", ", Enumerable.Repeat("no troops were involved", 8)) + ", changed course.";
        var text = longLead + " It said 3,000 soldiers had been sent. Talks continue.";

        Assert.Equal("It said 3,000 soldiers had been sent.", Summarizer.Summarize("Change of course", text, 60));
    }

    [Fact]
    public void Only_as_a_last_resort_a_sentence_is_cut_on_a_word_boundary_with_an_ellipsis()
    {
        const string text = "The ministry said on Friday that additional forces would be deployed along the whole length of the border.";

        var summary = Summarizer.Summarize("Forces", text, 50);

        Assert.EndsWith("…", summary, StringComparison.Ordinal);
        Assert.InRange(summary.Length, 20, 50);
        Assert.StartsWith(summary[..^1], text, StringComparison.Ordinal);
        Assert.Equal(' ', text[summary.Length - 1]);
    }

    [Fact]
    public void Preferred_sentence_wins_over_a_later_neutral_one()
    {
        const string text = "Leaders met in Geneva on Monday to discuss the war. The weather was mild and the mood cordial. "
            + "Delegates said an estimated 4,000 soldiers had been wounded.";

        var preferred = Summarizer.Summarize("Geneva talks", text, 120, ["Delegates said an estimated 4,000 soldiers had been wounded."]);

        Assert.Equal("Leaders met in Geneva on Monday to discuss the war. Delegates said an estimated 4,000 soldiers had been wounded.", preferred);
    }

    [Fact]
    public void Figure_quotes_are_summary_sentences_even_after_abbreviations()
    {
        const string title = "Floods in Karnataka";
        const string text = "Ministers met in Delhi on Monday to review the monsoon damage across the south. "
            + "The weather stayed dry and the mood in the capital was calm all day long. "
            + "Brig. Gen. Rao said 300 soldiers were killed in the floods near Belagavi.";
        var figures = FigureExtractor.Extract(title, text);

        var summary = Summarizer.Summarize(title, text, 200, figures.Select(f => f.Quote).ToList());

        Assert.Contains(figures, f => f.Quote == "Brig. Gen. Rao said 300 soldiers were killed in the floods near Belagavi.");
        Assert.EndsWith("Brig. Gen. Rao said 300 soldiers were killed in the floods near Belagavi.", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Furniture_and_table_rows_never_enter_a_summary()
    {
        const string text = "| Country | Troops |\n| North Korea | 1,500 |\nYou have 65.75% of this article left to read.\nTroops arrived at the border on Monday, officials said.";

        Assert.Equal("Troops arrived at the border on Monday, officials said.", Summarizer.Summarize("Troops", text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Short.")]
    public void Nothing_to_summarise_gives_empty(string text) => Assert.Equal("", Summarizer.Summarize("T", text));
}
