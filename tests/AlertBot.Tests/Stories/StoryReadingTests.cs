using AlertBot.Core.Stories;
using AlertBot.Core.Subscriptions;
using AlertBot.Tests.Figures;

namespace AlertBot.Tests.Stories;

/// <summary>
/// The pipeline tokenises an article once (<see cref="ArticleTokens.Of"/>) for its story and for matching. A report read
/// from those tokens must read exactly as one read on its own, wherever the sentence splitter or the length limit cuts.
/// </summary>
public sealed class StoryReadingTests
{
    private static readonly DateTimeOffset Day = new(2024, 10, 9, 8, 0, 0, TimeSpan.Zero);

    /// <summary>39 characters, so the 6,000 characters the stage reads end inside "Kursk".</summary>
    private const string Unit = "Troops from North Korea reached Kursk. ";

    public static TheoryData<string, string> Reports => new()
    {
        { "US shoots down high-altitude object over Alaska", "A high-altitude object was shot down over Alaska on Friday by a US fighter jet, the White House said." },
        { "  Magnitude-7.8 quake hits Hatay, the southern province  ", "Talks stalled amid tensions.The quake struck near Boca Chica, Texas on Feb. 6, 2023. Rescuers in the U.S. helped." },
        { "Second round of voting in Operation Iron Swords", "Flight MH370's F-16 escort: another unidentified object was seen over Lake Huron.\nO’Neill said 3,000 troops\u00ADcame." },
        { "Kim Jong-un", string.Concat(Enumerable.Repeat(Unit, 200)) },
        { "", "" },
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public void A_report_read_from_the_tokens_matching_made_reads_as_one_read_on_its_own(string title, string text)
    {
        var article = new StoryArticle("a", title, text, Day);
        var shared = ArticleTokens.Of(title, text);

        var alone = ProfileBuilder.Read(article, new StoryOptions());
        var fromShared = ProfileBuilder.Read(article, new StoryOptions(), shared);

        AssertSameReading(alone, fromShared);
        Assert.Same(shared, fromShared.Tokens);
        Assert.Null(alone.Tokens);
    }

    [Fact]
    public void The_text_read_is_cut_inside_a_word_in_the_long_report()
    {
        var text = string.Concat(Enumerable.Repeat(Unit, 200));
        Assert.True(char.IsLetter(text[5999]) && char.IsLetter(text[6000]));
    }

    [Fact]
    public void Every_report_of_the_dev_stream_reads_the_same_from_the_tokens_matching_made()
    {
        var lines = File.ReadLines(Path.Combine(SharedData.Data, "stories-dev.jsonl")).Where(l => l.Length > 0).ToList();
        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
        {
            var article = StreamClustering.Parse(line, i + 1);
            AssertSameReading(ProfileBuilder.Read(article, new StoryOptions()),
                ProfileBuilder.Read(article, new StoryOptions(), ArticleTokens.Of(article.Title, article.Text)));
        }
        Assert.Equal(42, lines.Count);
    }

    [Fact]
    public void Tokens_of_another_text_are_not_used_for_a_report()
    {
        var article = new StoryArticle("a", "Quake hits Hatay", "A magnitude-7.8 earthquake struck Hatay on Monday.", Day);

        var reading = ProfileBuilder.Read(article, new StoryOptions(), ArticleTokens.Of("Quake hits Hatay", "A magnitude-7.8 earthquake struck Adana on Monday."));

        AssertSameReading(ProfileBuilder.Read(article, new StoryOptions()), reading);
        Assert.Null(reading.Tokens);
    }

    private static void AssertSameReading(StoryReading expected, StoryReading actual)
    {
        Assert.Equal(expected.StemIds, actual.StemIds);
        Assert.Equal(expected.TermFrequencies, actual.TermFrequencies);
        Assert.Equal(expected.Shingles, actual.Shingles);
        Assert.Equal(expected.Words.Order(), actual.Words.Order());
        Assert.Equal(expected.ProperWords.Order(), actual.ProperWords.Order());
        var (e, a) = (expected.Specifics, actual.Specifics);
        Assert.Equal(e.Magnitude, a.Magnitude);
        Assert.Equal(e.EventDate, a.EventDate);
        Assert.Equal(e.Ordinals, a.Ordinals);
        Assert.Equal(e.Operations, a.Operations);
        Assert.Equal(e.Identifiers, a.Identifiers);
        Assert.Equal(e.Locations, a.Locations);
        Assert.Equal(e.Names, a.Names);
        Assert.Equal(e.Recurrence, a.Recurrence);
    }
}
