using AlertBot.Core.Stories;

namespace AlertBot.Tests.Stories;

public sealed class StoryClustererTests
{
    private static readonly DateTimeOffset Day = new(2024, 10, 9, 8, 0, 0, TimeSpan.Zero);

    private const string AlaskaLead =
        "A high-altitude object the size of a small car was shot down over Alaska on Friday by a US fighter jet on the orders of President Joe Biden, the White House said. " +
        "Spokesman John Kirby said the object was flying at 40,000 feet and posed a threat to civilian aircraft.";

    private static StoryArticle Report(string id, string title, string text, double days = 0) => new(id, title, text, Day.AddDays(days));

    [Fact]
    public void Reports_of_one_event_by_different_outlets_form_one_story()
    {
        var clusterer = new StoryClusterer(new StoryOptions());
        var first = clusterer.Add(Report("a", "US shoots down high-altitude object over Alaska", AlaskaLead));
        var second = clusterer.Add(Report("b", "Fighter jet downs car-sized object over Alaska, White House says",
            "On President Joe Biden's order a US fighter jet shot down an object about the size of a small car over Alaska, White House spokesman John Kirby said on Friday.", 0.2));

        Assert.True(first.IsNewStory);
        Assert.False(second.IsNewStory);
        Assert.Equal(first.StoryId, second.StoryId);
    }

    [Fact]
    public void A_one_sentence_teaser_joins_the_story_of_the_full_report()
    {
        var clusterer = new StoryClusterer(new StoryOptions());
        var full = clusterer.Add(Report("a", "US shoots down high-altitude object over Alaska", AlaskaLead));
        var teaser = clusterer.Add(Report("b", "Object shot down over Alaska", "The White House says a US jet shot down a high-altitude object over Alaska.", 0.1));
        Assert.Equal(full.StoryId, teaser.StoryId);
    }

    [Fact]
    public void A_look_alike_event_the_next_day_somewhere_else_starts_its_own_story()
    {
        var clusterer = new StoryClusterer(new StoryOptions());
        var alaska = clusterer.Add(Report("a", "US shoots down high-altitude object over Alaska", AlaskaLead));
        var yukon = clusterer.Add(Report("b", "US jet shoots down another high-altitude object, this time over the Yukon",
            "A US fighter jet shot down another high-altitude object the size of a small car over the Yukon on Saturday, on the orders of Justin Trudeau. " +
            "The object was flying at 40,000 feet and posed a threat to civilian aircraft, officials said.", 1));

        Assert.True(yukon.IsNewStory);
        Assert.NotEqual(alaska.StoryId, yukon.StoryId);
        Assert.Contains(yukon.Considered, c => c.StoryId == alaska.StoryId && c.Veto is not null);
    }

    [Fact]
    public void A_second_earthquake_of_another_magnitude_in_the_same_province_is_a_new_story()
    {
        var clusterer = new StoryClusterer(new StoryOptions());
        var first = clusterer.Add(Report("a", "Magnitude 6.4 earthquake strikes Hatay province",
            "A magnitude 6.4 earthquake struck Hatay province in southern Turkey, killing three people and injuring hundreds, the disaster agency AFAD said."));
        var second = clusterer.Add(Report("b", "Magnitude 5.6 earthquake strikes Hatay province",
            "A magnitude 5.6 earthquake struck Hatay province in southern Turkey, injuring dozens of people, the disaster agency AFAD said.", 2));
        Assert.NotEqual(first.StoryId, second.StoryId);
        Assert.Contains(second.Considered, c => c.Veto?.StartsWith("magnitude", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Reports_dated_to_different_days_Oct_7_and_Oct_11_are_different_events()
    {
        var clusterer = new StoryClusterer(new StoryOptions());
        var first = clusterer.Add(Report("a", "Thousands march in Valletta against corruption",
            "Thousands of people marched through Valletta on October 7 to protest against government corruption, organisers said.", -1));
        var second = clusterer.Add(Report("b", "Thousands march in Valletta against corruption again",
            "Thousands of people marched through Valletta on Oct. 11 to protest against government corruption, organisers said.", 1.5));
        Assert.NotEqual(first.StoryId, second.StoryId);
        Assert.Contains(second.Considered, c => c.Veto?.StartsWith("date", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Another_minister_resigning_the_next_day_is_another_story_even_when_the_report_recalls_the_first()
    {
        var clusterer = new StoryClusterer(new StoryOptions());
        var first = clusterer.Add(Report("a", "Finance minister Anna Kowalska resigns over expenses scandal",
            "Ruritania's finance minister Anna Kowalska resigned on Tuesday over the parliamentary expenses scandal, the prime minister's office said. " +
            "Her resignation letter said she had broken no rules."));
        var second = clusterer.Add(Report("b", "Health minister Piotr Nowak resigns over expenses scandal",
            "Ruritania's health minister Piotr Nowak resigned on Wednesday over the parliamentary expenses scandal, the prime minister's office said. " +
            "His resignation letter said he had broken no rules. " +
            "He is the second minister to quit in two days after finance minister Anna Kowalska stepped down on Tuesday.", 1));
        Assert.NotEqual(first.StoryId, second.StoryId);
        Assert.Contains(second.Considered, c => c.StoryId == first.StoryId && c.Veto == "names");
    }

    [Fact]
    public void A_runoff_is_not_the_first_round_of_the_same_election()
    {
        var clusterer = new StoryClusterer(new StoryOptions());
        var first = clusterer.Add(Report("a", "Ruritania presidential election: Novak leads first round",
            "Ruritania's opposition candidate Anna Novak led the first round of the presidential election with 41% of the vote, the electoral commission said."));
        var runoff = clusterer.Add(Report("b", "Ruritania presidential election: Novak wins runoff",
            "Ruritania's opposition candidate Anna Novak won the presidential runoff with 54% of the vote, the electoral commission said.", 2.5));
        Assert.NotEqual(first.StoryId, runoff.StoryId);
    }

    [Fact]
    public void An_agency_copy_always_joins_the_story_of_its_original()
    {
        var clusterer = new StoryClusterer(new StoryOptions());
        const string agency =
            "SOUTH PADRE ISLAND, Texas (AP) — SpaceX's giant new rocket exploded minutes after blasting off on its first test flight Thursday and crashed into the Gulf of Mexico. " +
            "Elon Musk's company was aiming to send the nearly 400-foot Starship rocket around the world from the southern tip of Texas near the Mexican border. " +
            "No people or satellites were on board.";
        var original = clusterer.Add(Report("a", "SpaceX giant rocket explodes minutes after launch", agency));
        var copy = clusterer.Add(Report("b", "Minutes after Texas launch, SpaceX rocket blows up", agency, 0.5));
        Assert.Equal(original.StoryId, copy.StoryId);
        Assert.True(copy.Copy);
    }

    [Fact]
    public void A_template_reused_for_another_day_is_not_taken_for_a_copy()
    {
        var clusterer = new StoryClusterer(new StoryOptions());
        const string template = "A magnitude {0} earthquake struck off the coast of Hokkaido on {1}, the Japan Meteorological Agency said. " +
            "No tsunami warning was issued and there were no immediate reports of damage.";
        var first = clusterer.Add(Report("a", "Earthquake strikes off Hokkaido", string.Format(System.Globalization.CultureInfo.InvariantCulture, template, "5.1", "October 8")));
        var second = clusterer.Add(Report("b", "Earthquake strikes off Hokkaido", string.Format(System.Globalization.CultureInfo.InvariantCulture, template, "5.8", "October 10"), 1.5));
        Assert.NotEqual(first.StoryId, second.StoryId);
        Assert.Contains(second.Considered, c => c.Containment >= 0.6 && c.Veto is not null);
    }

    [Fact]
    public void A_wire_template_filled_in_for_another_place_is_another_story()
    {
        var clusterer = new StoryClusterer(new StoryOptions());
        const string template = "Annual inflation rose to {1}% in {0} in March from a month earlier, the statistics office said on Tuesday. " +
            "Food and fuel prices rose fastest, and economists expect the central bank to raise its key interest rate at its next meeting.";
        StoryArticle Filled(string id, string place, string rate, double days) =>
            Report(id, $"Inflation rises to {rate}% in {place}", string.Format(System.Globalization.CultureInfo.InvariantCulture, template, place, rate), days);

        var kinshasa = clusterer.Add(Filled("a", "Kinshasa", "47.7", 0));
        var kursk = clusterer.Add(Filled("b", "Kursk", "45.5", 0.1));
        var kinshasaAgain = clusterer.Add(Filled("c", "Kinshasa", "47.7", 0.2));

        Assert.NotEqual(kinshasa.StoryId, kursk.StoryId);
        Assert.Contains(kursk.Considered, c => c.Containment >= 0.6 && c.Veto == "place");
        Assert.Equal(kinshasa.StoryId, kinshasaAgain.StoryId);
    }

    [Fact]
    public void A_report_after_the_window_starts_a_new_story_even_with_the_same_words()
    {
        var clusterer = new StoryClusterer(new StoryOptions { Window = TimeSpan.FromHours(72) });
        var first = clusterer.Add(Report("a", "US shoots down high-altitude object over Alaska", AlaskaLead));
        var inside = clusterer.Add(Report("b", "US shoots down high-altitude object over Alaska", AlaskaLead, 2.9));
        var outside = clusterer.Add(Report("c", "US shoots down high-altitude object over Alaska", AlaskaLead, 3.1));
        Assert.Equal(first.StoryId, inside.StoryId);
        Assert.NotEqual(first.StoryId, outside.StoryId);
        Assert.Equal(1, clusterer.ActiveStories);
    }

    [Fact]
    public void Unrelated_reports_on_the_same_day_stay_apart()
    {
        var clusterer = new StoryClusterer(new StoryOptions());
        var a = clusterer.Add(Report("a", "US shoots down high-altitude object over Alaska", AlaskaLead));
        var b = clusterer.Add(Report("b", "Central bank raises interest rates to 5.25%",
            "The central bank raised its main interest rate by a quarter point to 5.25% on Thursday, its fourteenth increase in a row, citing stubborn inflation."));
        Assert.NotEqual(a.StoryId, b.StoryId);
        Assert.True(b.IsNewStory);
    }

    [Fact]
    public void The_same_stream_always_gives_the_same_stories()
    {
        string Run()
        {
            var clusterer = new StoryClusterer(new StoryOptions());
            return string.Join(",", new[]
            {
                Report("a", "US shoots down high-altitude object over Alaska", AlaskaLead),
                Report("b", "Central bank raises interest rates", "The central bank raised its main interest rate by a quarter point to 5.25% on Thursday."),
                Report("c", "Object shot down over Alaska", "The White House says a US jet shot down a high-altitude object over Alaska.", 0.1),
            }.Select(r => clusterer.Add(r).StoryId));
        }
        Assert.Equal("1,2,1", Run());
        Assert.Equal(Run(), Run());
    }
}
