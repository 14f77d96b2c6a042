using AlertBot.Core.Stories;

namespace AlertBot.Tests.Stories;

public sealed class LocationReaderTests
{
    [Theory]
    [InlineData("Yet another object was shot down, this time over Lake Huron, Michigan's representatives said.", "lake huron")]
    [InlineData("Two dams collapsed in Northeastern Libya after heavy rainfall.", "libya")]
    [InlineData("It exploded minutes after liftoff in Boca Chica, Texas.", "boca chica|texas")]
    [InlineData("The balloon was shot down off the coast of South Carolina on Saturday.", "south carolina")]
    [InlineData("The quake was felt in Cyprus and Lebanon.", "cyprus|lebanon")]
    [InlineData("A bridge in Baltimore collapsed early on Tuesday.", "baltimore")]
    [InlineData("The debris fell into the Gulf of Mexico.", "gulf mexico")]
    public void Places_named_after_a_place_preposition_are_read(string sentence, string expected)
    {
        Assert.Equal(expected, Read(sentence));
    }

    [Theory]
    [InlineData("She was the shortest-serving prime minister in British history.")]
    [InlineData("The balloon was downed over US territorial waters.")]
    [InlineData("It happened in February, officials said.")]
    [InlineData("He resigned in President Biden's cabinet reshuffle.")]
    public void Adjectives_months_titles_and_the_broadest_places_are_not_places(string sentence)
    {
        Assert.Equal("", Read(sentence));
    }

    [Fact]
    public void A_title_case_headline_keeps_only_names_the_text_capitalises_too()
    {
        var title = StoryWords.Read("Terrifying Earthquake Hits Turkey in Dead of Night, Scores Dead");
        var text = StoryWords.Read("A massive earthquake struck south-east Turkey at dead of night.");
        var proper = WordSet.Of(text.Where(w => w.Capitalized).Select(w => w.Hash).ToArray());
        Assert.Empty(LocationReader.Read(title, [], proper));
    }

    private static string Read(string sentence)
    {
        var words = StoryWords.Read(sentence);
        var names = words.GroupBy(w => w.Hash).ToDictionary(g => g.Key, g => g.First().Folded);
        return string.Join("|", LocationReader.Read([], words, WordSet.Empty).Select(p => string.Join(" ", p.Select(h => names[h]))));
    }
}
