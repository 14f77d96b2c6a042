using AlertBot.Core.Articles;

namespace AlertBot.Tests.Articles;

/// <summary>
/// Each seed against a hand-labelled list of its real paragraphs (Fixtures/NNN.paragraphs.txt) and of its
/// furniture (Fixtures/NNN.furniture.txt): the cleaned text is exactly the paragraphs, in order.
/// </summary>
public sealed class SeedCleaningTests
{
    public static TheoryData<string> Seeds => ArticleTestFiles.Seeds;

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Cleaned_seed_is_exactly_its_hand_labelled_paragraphs(string id)
    {
        var content = ArticleTestFiles.ReadSeed(id);
        var firstLine = content.Split('\n')[0].Trim();

        var cleaned = ArticleCleaner.Clean(firstLine, content).Split('\n');

        Assert.Equal(ArticleTestFiles.FixtureLines(id, "paragraphs"), cleaned);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Cleaned_seed_contains_none_of_its_furniture(string id)
    {
        var content = ArticleTestFiles.ReadSeed(id);
        var cleaned = ArticleCleaner.Clean(content.Split('\n')[0].Trim(), content);

        foreach (var furniture in ArticleTestFiles.FixtureLines(id, "furniture"))
            Assert.DoesNotContain(furniture, cleaned, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Extracting_a_seed_file_gives_the_same_paragraphs_and_a_real_headline(string id)
    {
        var article = ArticleExtraction.FromFile(ArticleTestFiles.SeedPath(id));

        Assert.Equal(ArticleTestFiles.FixtureLines(id, "paragraphs"), article.Text.Split('\n'));
        Assert.DoesNotContain(article.Title, ArticleTestFiles.FixtureLines(id, "furniture").Where(f => f.Length < 20));
        Assert.InRange(article.Title.Length, 20, 250);
    }

    [Theory]
    [InlineData("000", "North Korea Strengthens Military Ties with Russia Amid Troop Deployments and Strategic Plans")]
    [InlineData("001", "North Korea Prepares to Send More Troops to Russia Amid Casualties in Ukraine")]
    [InlineData("003", "North Korea’s Military Mobilization: Increased Troop Deployment to Russia")]
    public void Headline_is_found_behind_a_category_label_a_loader_or_a_lead_paragraph(string id, string expected) =>
        Assert.Equal(expected, ArticleExtraction.FromFile(ArticleTestFiles.SeedPath(id)).Title);

    [Fact]
    public void Table_rows_are_kept_whole_as_lines_starting_with_a_pipe()
    {
        var cleaned = ArticleCleaner.Clean("", ArticleTestFiles.ReadSeed("003")).Split('\n');

        Assert.Contains("| North Korea | 1,500 | Training,Logistics Support |", cleaned);
        Assert.Contains("| Country | Estimated Troops Deployed | Main Activities |", cleaned);
        var rawRows = ArticleTestFiles.ReadSeed("003").Split('\n').Select(l => l.Trim()).Where(l => l.Contains('|')).ToList();
        Assert.Equal(rawRows.Select(r => "| " + r), cleaned.Where(l => l.StartsWith('|')));
    }
}
