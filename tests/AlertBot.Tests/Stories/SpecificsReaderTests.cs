using AlertBot.Core.Stories;

namespace AlertBot.Tests.Stories;

public sealed class SpecificsReaderTests
{
    private static readonly DateOnly Published = new(2023, 2, 21);

    [Theory]
    [InlineData("A massive magnitude-7.8 earthquake struck at night", 7.8)]
    [InlineData("Southern Türkiye struck by new 6.4-magnitude quake", 6.4)]
    [InlineData("hit by a 7.8 magnitude earthquake at 4:17 a.m.", 7.8)]
    [InlineData("a quake of magnitude 6 shook the coast", 6.0)]
    [InlineData("an M 5.9 tremor", 5.9)]
    public void Magnitudes_are_read_in_their_usual_spellings(string text, double expected) =>
        Assert.Equal(expected, SpecificsReader.FirstMagnitude(text));

    [Theory]
    [InlineData("killed 296 people and injured 153")]
    [InlineData("a 7-year-old girl was rescued")]
    public void Other_numbers_are_not_magnitudes(string text) => Assert.Null(SpecificsReader.FirstMagnitude(text));

    [Theory]
    [InlineData("On Feb. 20 a 6.4-magnitude earthquake was registered", "2023-02-20")]
    [InlineData("The September 8 earthquake that shook Morocco", "2022-09-08")]
    [InlineData("on February 6, 2023 at 4:17 a.m.", "2023-02-06")]
    [InlineData("Voters went to the polls on 6 March", "2023-03-06")]
    [InlineData("the Dec 30th attack", "2022-12-30")]
    public void Calendar_dates_take_the_year_nearest_the_report(string text, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), SpecificsReader.FirstDate(text, Published));

    [Theory]
    [InlineData("the balloon, tracked since Wednesday (1 February), fell into the sea")]
    [InlineData("talks will run until Oct. 30")]
    [InlineData("Officials may resign")]
    public void Dates_that_bound_a_period_and_the_verb_may_are_not_event_dates(string text) =>
        Assert.Null(SpecificsReader.FirstDate(text, Published));

    [Theory]
    [InlineData("Starship's second test flight ends in explosions", "flight#2")]
    [InlineData("On its first test flight Thursday, the rocket exploded", "flight#1")]
    [InlineData("Lula wins Brazil's presidential run-off", "round#2")]
    [InlineData("Macron leads first round of the vote", "round#1")]
    public void Numbered_occurrences_are_read_as_noun_and_number(string text, string expected) =>
        Assert.Contains(expected, SpecificsReader.Ordinals(text));

    [Theory]
    [InlineData("An F-16 shot down the object over Lake Huron", "f#16")]
    [InlineData("Malaysia Airlines Flight 370 vanished", "flight#370")]
    public void Numbered_names_are_identifiers(string text, string expected) =>
        Assert.Contains(expected, SpecificsReader.Identifiers(text));

    [Theory]
    [InlineData("About 20 people were hurt in 2023")]
    [InlineData("Hurricane strengthens to Category 4")]
    [InlineData("It left at 8 pm")]
    public void Counts_measures_and_years_are_not_identifiers(string text) =>
        Assert.Empty(SpecificsReader.Identifiers(text));

    [Fact]
    public void Named_operations_are_read() =>
        Assert.Equal(["operation iron swords"], SpecificsReader.Operations("Israel launched Operation Iron Swords on Saturday"));
}
