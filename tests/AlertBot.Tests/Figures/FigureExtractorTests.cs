using AlertBot.Core.Figures;

namespace AlertBot.Tests.Figures;

/// <summary>Invented sentences in news style: what each becomes.</summary>
public sealed class FigureExtractorTests
{
    private static Figure Single(string sentence)
    {
        var figures = FigureExtractor.Extract("", sentence);
        return Assert.Single(figures);
    }

    [Theory]
    [InlineData("The ministry said 5,000 troops were deployed to the border region on Monday.", 5000, null, "troops deployed")]
    [InlineData("Officials estimate that between 300 and 400 soldiers have been killed in the offensive.", 300, 400d, "killed")]
    [InlineData("Around 1,200 people were injured in the blasts, the health ministry said.", 1200, null, "injured")]
    [InlineData("The government has sent an additional 2,500 soldiers to the province.", 2500, null, "troops deployed")]
    [InlineData("More than 10,000 residents were evacuated from the flooded valley.", 10000, null, "residents evacuated")]
    [InlineData("The fighting has left 8,000 to 9,000 casualties on both sides, analysts believe.", 8000, 9000d, "casualties")]
    [InlineData("Rescuers said 40 miners were trapped after the collapse at the mine.", 40, null, "miners trapped")]
    [InlineData("The country's army (450,000 men) is one of the largest in the region.", 450_000, null, "army size")]
    [InlineData("The rebels fielded a 30,000-strong army during the siege of the capital.", 30_000, null, "army size")]
    [InlineData("Some 2,000 homes were destroyed by the earthquake, according to the Red Cross.", 2000, null, "homes destroyed")]
    [InlineData("The death toll rose to 312 on Tuesday, local authorities reported.", 312, null, "killed")]
    [InlineData("Twelve soldiers were killed and dozens wounded in the ambush.", 12, null, "killed")]
    [InlineData("The navy says 600 more marines are expected to be deployed next month.", 600, null, "troops to be deployed")]
    [InlineData("Police arrested 150 protesters outside parliament in the capital.", 150, null, "protesters arrested")]
    [InlineData("The Kremlin said the soldiers numbered around 14,000.", 14000, null, "troops")]
    [InlineData("The move brings the total number of foreign troops in the region to about 9,000.", 9000, null, "troops")]
    [InlineData("Some 12,000 troops, including 500 officers, have been sent to the front.", 12000, null, "troops deployed")]
    [InlineData("The ministry said 2,500 soldiers had been lost in the battle for the town.", 2500, null, "casualties")]
    [InlineData("About 6.5 million Syrians have fled the country since the war began.", 6_500_000d, null, "people displaced")]
    [InlineData("The offensive has left more than 1,000 dead or wounded, the army said.", 1000, null, "casualties")]
    public void Counted_things_are_learnt_from_the_sentence(string sentence, double value, double? high, string measure)
    {
        var f = FigureExtractor.Extract("", sentence)[0];
        Assert.Equal(value, f.Value);
        Assert.Equal(high, f.ValueHigh);
        Assert.Equal(measure, f.Measure);
        Assert.Equal(sentence, f.Quote);
    }

    [Theory]
    [InlineData("Roughly 3,000 troops were sent to the front.", "approximately")]
    [InlineData("More than 10,000 soldiers have been deployed so far.", "more than")]
    [InlineData("At least 45 civilians were killed in the strike.", "at least")]
    [InlineData("Up to 7,000 reservists could be deployed this winter.", "up to")]
    [InlineData("An estimated 800 fighters were captured near the river.", "estimated")]
    [InlineData("The army dispatched nearly 900 additional troops to the region.", "nearly; additional")]
    [InlineData("Thousands of soldiers were deployed along the border.", "thousands")]
    public void Qualifiers_are_normalised(string sentence, string qualifier) => Assert.Equal(qualifier, Single(sentence).Qualifier);

    [Theory]
    [InlineData("According to the Defence Ministry, 4,000 troops were deployed to the north.", "Defence Ministry")]
    [InlineData("The Institute for the Study of War estimated that 2,000 soldiers were killed.", "Institute for the Study of War")]
    [InlineData("About 600 soldiers were wounded, the general staff said.", "general staff")]
    [InlineData("Western officials reported that 1,500 troops had been deployed near the border.", "Western officials")]
    [InlineData("Recent estimates by British intelligence suggest that 700 soldiers were killed.", "British intelligence")]
    [InlineData("In May, Japanese officials said 900 troops were deployed to the islands.", "Japanese officials")]
    [InlineData("The country has sent more than 2,000 troops to the region, according to the U.S.", "U.S.")]
    [InlineData("The army will send 6,000 engineers to the border region, Defence Minister Ali Khan said.", "Defence Minister Ali Khan")]
    [InlineData("\"We found 45 bodies under the rubble,\" said Maria Lopez, a rescuer.", "Maria Lopez")]
    [InlineData("Governor Ana Diaz, who visited the camp on Tuesday, said 10,000 tents would be delivered.", "Governor Ana Diaz")]
    public void Claimants_are_found_in_the_sentence(string sentence, string claimant) => Assert.Equal(claimant, Single(sentence).ClaimedBy);

    [Fact]
    public void A_sentence_that_continues_the_previous_one_keeps_its_source()
    {
        var figures = FigureExtractor.Extract("", "The defence ministry said the offensive had stalled. This came after 2,000 soldiers were reportedly killed near the river.");
        Assert.Equal("defence ministry", Assert.Single(figures).ClaimedBy);
    }

    [Theory]
    [InlineData("The defence ministry said the offensive had stalled. The weather was cold and wet. This came after 2,000 soldiers were reportedly killed.", "defence ministry")]
    [InlineData("The defence ministry said the offensive had stalled. Rebels said it had not. This came after 2,000 soldiers were reportedly killed.", "Rebels")]
    [InlineData("The defence ministry said the offensive had stalled. Someone phoned a reporter. This came after 2,000 soldiers were reportedly killed.", "defence ministry")]
    public void A_source_carries_over_sentences_without_a_number_until_another_source_speaks(string text, string claimant)
    {
        Assert.Equal(claimant, Assert.Single(FigureExtractor.Extract("", text)).ClaimedBy);
    }

    [Fact]
    public void Confirming_an_event_is_not_claiming_its_number()
    {
        var figures = FigureExtractor.Extract("", "The government confirmed sending troops abroad, with around 2,000 reportedly deployed last year. Officials said 2,000 troops were deployed last year.");
        Assert.Equal("Officials", Assert.Single(figures).ClaimedBy);
    }

    [Fact]
    public void A_sentence_without_a_source_does_not_borrow_one()
    {
        var figures = FigureExtractor.Extract("", "The defence ministry said the offensive had stalled. Rebels deployed 2,000 fighters near the river.");
        Assert.Null(Assert.Single(figures).ClaimedBy);
    }

    [Theory]
    [InlineData("The country has deployed 5,000 troops since October, officials said.", "since October")]
    [InlineData("About 2,000 soldiers were killed last year in the fighting.", "last year")]
    [InlineData("In March, the army sent 3,000 troops to the border.", "In March")]
    [InlineData("More than 1,000 soldiers are expected to be deployed in the coming weeks.", "in the coming weeks")]
    public void Time_expressions_say_when(string sentence, string when) => Assert.Equal(when, Single(sentence).When);

    [Theory]
    [InlineData("The treaty was signed in 2016 after years of talks between the two countries.")]
    [InlineData("The summit took place on June 20, 2024 in the capital city of the region.")]
    [InlineData("The convoy travelled 7,000 kilometers from its bases to reach the front line.")]
    [InlineData("The 45-year-old commander was appointed to lead the brigade last week.")]
    [InlineData("You have 65.75% of this article left to read, the rest is for subscribers.")]
    [InlineData("For more information call +1 555 123 4567 or write to the press office today.")]
    [InlineData("It was the second time the two leaders met in the city this year.")]
    [InlineData("The war lasted 20 years and ended after the talks that were held in Geneva.")]
    [InlineData("The president met the prime minister on three occasions during his first term.")]
    [InlineData("Fans are waiting for season 2 of the series which starts on October 24 this year.")]
    [InlineData("Pre-orders of the laptop start at $999 and it ships in June with a 13.5\" display.")]
    [InlineData("Get 20% off all jackets this weekend only, and I am 100% sure you will love them.")]
    [InlineData("Turnout is around 8 per cent lower than in 2019, the last time the country voted.")]
    [InlineData("Protests were held in 38 cities and the money went to 21 states across the country.")]
    [InlineData("All 27 leaders signed the deal after the 13 member states had approved it in Brussels.")]
    [InlineData("date 2023-09-10 The town was quiet again as residents returned to their homes.")]
    [InlineData("Helene came ashore as a Category 4 hurricane with 140 mph winds near the coast.")]
    [InlineData("He was one of 11 soldiers in his unit who survived the crossing of the river.")]
    [InlineData("The country asked for 24 F-16 jets and more Patriot systems for its air force.")]
    [InlineData("Both sides agreed to a 72-hour ceasefire starting at dawn in the contested region.")]
    [InlineData("The 155mm shells have been in short supply since the 1990s in most of Europe.")]
    [InlineData("The attack took place on Oct. 7 and was followed by weeks of fighting in the north.")]
    [InlineData("Soldiers were seen near the border. The bill passed 398 to 20 in the lower house on Tuesday.")]
    public void Non_figures_are_not_reported(string sentence) => Assert.Empty(FigureExtractor.Extract("", sentence));

    [Theory]
    [InlineData("The EU agreed a €50 billion ($55billion; £43bn) package of aid for Ukraine.", 50e9, "EUR", "package of aid (EUR)")]
    [InlineData("The Centre cleared Rs 669.85 crore in flood relief for Karnataka.", 6_698_500_000d, "INR", "flood relief (INR)")]
    [InlineData("The Centre released ₹9044.80 crore to the states this year.", 90_448_000_000d, "INR", "released (INR)")]
    [InlineData("Leaders agreed to give Ukraine a package of support worth 50 billion euros.", 50e9, "EUR", "package of support (EUR)")]
    [InlineData("Rebuilding the town will cost an estimated $5.5 billion, the agency said.", 5.5e9, "USD", "cost (USD)")]
    [InlineData("The state had put its losses at Rs 38,000 crore in a report.", 380_000_000_000d, "INR", "losses (INR)")]
    [InlineData("The bank approved a US$2 million loan for the clinic.", 2e6, "USD", "loan (USD)")]
    [InlineData("The court ordered the firm to pay £1.2m in damages to the families.", 1.2e6, "GBP", "damages (GBP)")]
    [InlineData("The operation cost $2.5 billion according to the budget documents released on Friday.", 2.5e9, "USD", "cost (USD)")]
    [InlineData("As it stands, turnout is at 59 per cent across the country.", 59, "%", "turnout (%)")]
    [InlineData("The veteran won 37% of the vote, according to official results.", 37, "%", "vote (%)")]
    [InlineData("Looking closer, 42.35% of primary school teachers were striking.", 42.35, "%", "primary school teachers striking (%)")]
    [InlineData("Unemployment stood at 4.2 percent in March, the statistics office said.", 4.2, "%", "unemployment (%)")]
    [InlineData("Inflation rose by 0.5 percentage points to its highest level in a year.", 0.5, "percentage points", "inflation rose (percentage points)")]
    [InlineData("Unemployment rose to 27 per cent in the second quarter, the statistics agency said.", 27, "%", "unemployment (%)")]
    [InlineData("The positivity rate climbed to 12.4 per cent on Sunday, health officials said.", 12.4, "%", "positivity rate (%)")]
    public void Money_and_rates_are_figures_with_their_unit(string sentence, double value, string unit, string measure)
    {
        var f = FigureExtractor.Extract("", sentence)[0];
        Assert.Equal(value, f.Value, 3);
        Assert.Equal(unit, f.Unit);
        Assert.Equal(measure, f.Measure);
    }

    [Theory]
    [InlineData("The death toll rose to 2,946 on Sunday, officials said.", 2946, "killed")]
    [InlineData("The floods claimed 1,305 lives across the region.", 1305, "killed")]
    [InlineData("The earthquake left 11,300 dead in the coastal city.", 11300, "killed")]
    [InlineData("At least 230 people were killed when the building collapsed.", 230, "killed")]
    [InlineData("The storm injured 2,421 people across the province.", 2421, "injured")]
    [InlineData("More than 10,000 people are missing after the floods.", 10000, "missing")]
    [InlineData("The floods displaced 20,000 families in the valley.", 20000, "families displaced")]
    [InlineData("Police detained 2,400 protesters in the capital.", 2400, "protesters detained")]
    [InlineData("The party won 411 seats in the election.", 411, "seats")]
    [InlineData("The candidate received 1.12 million votes in the run-off.", 1_120_000, "votes")]
    [InlineData("The company will cut 12,000 jobs worldwide.", 12000, "jobs")]
    [InlineData("Dengue cases rose to 311,014 this year, the directorate said.", 311014, "cases")]
    [InlineData("Since January, as many as 3,11,014 patients have been hospitalised.", 311014, "hospitalised")]
    [InlineData("The number of dead in the city, on the coast, has leapt to 11,300 as searches go on.", 11300, "killed")]
    [InlineData("More than 30,000 people have also been made homeless by the floods.", 30000, "homeless")]
    [InlineData("Forty-seven people are reported to have died as the hurricane moved inland.", 47, "killed")]
    [InlineData("Registered voters numbered 93,469,008 in total.", 93_469_008, "registered voters")]
    [InlineData("More than 10,000 people remain missing after the floods swept through the valley.", 10000, "missing")]
    [InlineData("About 33,000 workers are on strike at the aircraft maker's plants.", 33000, "workers on strike")]
    public void Tolls_and_counts_are_read_in_every_phrasing(string sentence, double value, string measure)
    {
        var f = FigureExtractor.Extract("", sentence).First(x => x.Value == value);
        Assert.Equal(measure, f.Measure);
        Assert.Null(f.Unit);
    }

    [Fact]
    public void Both_counts_of_a_killing_are_read()
    {
        var figures = FigureExtractor.Extract("", "A gunman opened fire at the school, killing 19 children and six adults.");
        Assert.Equal([19.0, 6.0], figures.Select(f => f.Value));
        Assert.All(figures, f => Assert.Equal("killed", f.Measure));
    }

    [Fact]
    public void A_disaster_that_claimed_lives_is_not_a_claimant()
    {
        var figures = FigureExtractor.Extract("", "The earthquake claimed 1,305 lives and left 11,300 dead in the coastal province.");
        Assert.Equal([1305.0, 11300.0], figures.Select(f => f.Value));
        Assert.All(figures, f => Assert.Null(f.ClaimedBy));
    }

    [Fact]
    public void Competing_claims_keep_their_own_claimant()
    {
        var figures = FigureExtractor.Extract("", "Organisers said 200,000 people marched in the capital. Police said 120,000 people took part.");
        Assert.Equal("Organisers", figures.Single(f => f.Value == 200_000).ClaimedBy);
        Assert.Equal("Police", figures.Single(f => f.Value == 120_000).ClaimedBy);
    }

    [Fact]
    public void An_estimating_verb_counts_the_noun_it_sets_at_the_number()
    {
        var f = Single("Officials estimated the turnout at 56,000 on Sunday.");
        Assert.Equal(56_000, f.Value);
        Assert.Equal("turnout", f.Measure);
    }

    [Fact]
    public void A_second_claim_with_a_bare_number_takes_the_counted_measure_and_its_own_claimant()
    {
        var figures = FigureExtractor.Extract("", "Police put the crowd at 12,000; organisers said 40,000.");
        Assert.Equal([12_000.0, 40_000.0], figures.Select(f => f.Value));
        Assert.All(figures, f => Assert.Equal("crowd", f.Measure));
        Assert.Equal(["Police", "organisers"], figures.Select(f => f.ClaimedBy!));
    }

    [Fact]
    public void An_elliptical_second_claim_keeps_the_measure_of_the_first()
    {
        var figures = FigureExtractor.Extract("", "Police said 12,000 people marched, while organisers said 40,000 took part.");
        Assert.Equal([12_000.0, 40_000.0], figures.Select(f => f.Value));
        Assert.All(figures, f => Assert.Equal("people marched", f.Measure));
        Assert.Equal(["Police", "organisers"], figures.Select(f => f.ClaimedBy!));
    }

    [Fact]
    public void A_bare_number_after_a_speech_verb_is_no_figure_without_a_counted_one_in_its_sentence() =>
        Assert.Empty(FigureExtractor.Extract("", "Organisers said 40,000 on Sunday."));

    [Fact]
    public void A_claim_verb_in_a_coordinated_clause_does_not_reach_back_to_the_clause_before()
    {
        var figures = FigureExtractor.Extract("", "The government pledged $2 billion in aid, and police said 12,000 people marched.");
        Assert.Null(figures.Single(f => f.Value == 2_000_000_000).ClaimedBy);
        Assert.Equal("police", figures.Single(f => f.Value == 12_000).ClaimedBy);
    }

    [Fact]
    public void A_trailing_claim_verb_still_claims_the_whole_sentence()
    {
        var figures = FigureExtractor.Extract("", "Around 1,200 people were injured and 300 killed, and the ministry said.");
        Assert.Equal(2, figures.Count);
        Assert.All(figures, f => Assert.Equal("ministry", f.ClaimedBy));
    }

    [Theory]
    [InlineData("The unemployment rate fell by 0.5 percentage points to 4.1 per cent in October, the statistics office said.", 4.1, "unemployment rate (%)")]
    [InlineData("Inflation rose by 2 per cent to 9.1% in June, officials said.", 9.1, "inflation (%)")]
    public void A_level_after_a_change_by_an_amount_keeps_the_measure_of_what_changed(string sentence, double value, string measure) =>
        Assert.Equal(measure, FigureExtractor.Extract("", sentence).Single(f => f.Value == value).Measure);

    [Fact]
    public void A_change_by_an_amount_names_what_changed_apart_from_its_level()
    {
        var figures = FigureExtractor.Extract("", "The unemployment rate fell by 0.5 percentage points to 4.1 per cent in October.");
        Assert.Equal("unemployment rate fell (percentage points)", figures.Single(f => f.Value == 0.5).Measure);
    }

    [Fact]
    public void A_vague_magnitude_is_kept_only_when_no_number_is_given_for_its_measure()
    {
        Assert.Equal("tens of thousands", Assert.Single(FigureExtractor.Extract("", "Tens of thousands of people were displaced by the fighting.")).Qualifier);
        var both = FigureExtractor.Extract("Boat sinks with hundreds feared dead", "At least 78 migrants were killed when the boat sank.");
        Assert.Equal(78, Assert.Single(both).Value);
    }

    [Fact]
    public void Page_furniture_lines_are_not_figures() =>
        Assert.Empty(FigureExtractor.Extract("Title", "0 Comments\nShare 12\nPage 2 of 5\nPost Comment"));

    [Fact]
    public void A_figure_about_another_country_keeps_its_own_subject()
    {
        var figures = FigureExtractor.Extract("", "Iran has deployed 4,000 troops to Syria. Unlike Iran, Turkey, which deployed troops (12,000 men) to Cyprus in 1974, has stayed out.");
        Assert.Equal("Iranian troops", figures.Single(f => f.Value == 4000).Subject);
        Assert.Equal("Turkish troops", figures.Single(f => f.Value == 12000).Subject);
    }

    [Fact]
    public void The_country_that_acts_owns_the_figure_rather_than_a_nearer_object()
    {
        var f = Single("Iran has supplied Russia with more than 2,000 soldiers, officials said.");
        Assert.Equal("Iranian troops", f.Subject);
    }

    [Fact]
    public void An_elided_noun_is_carried_from_its_neighbour()
    {
        var figures = FigureExtractor.Extract("", "Officials said 40 Russian soldiers were killed and 120 injured in the strike.");
        var injured = figures.Single(f => f.Measure == "injured");
        Assert.Equal(120, injured.Value);
        Assert.Equal("Russian troops", injured.Subject);
    }

    [Fact]
    public void A_coordinated_number_shares_the_qualifier()
    {
        var figures = FigureExtractor.Extract("", "Around 40 soldiers were killed and 120 injured in the strike.");
        Assert.All(figures, f => Assert.Equal("approximately", f.Qualifier));
        Assert.Equal(2, figures.Count);
    }

    [Fact]
    public void A_table_cell_is_a_figure_when_its_header_names_the_measure()
    {
        var text = "The table shows the deployments.\nRegion | Soldiers Killed | Date |\n---|---|---|\nNorth | 1,200 | March 2023 |\nSouth | 850 | TBA |";
        var figures = FigureExtractor.Extract("", text);
        Assert.Equal([1200.0, 850.0], figures.Select(f => f.Value));
        Assert.All(figures, f => Assert.Equal("killed", f.Measure));
        Assert.Equal(["North", "South"], figures.Select(f => f.Subject!));
    }

    [Fact]
    public void A_repeated_figure_is_reported_once()
    {
        var figures = FigureExtractor.Extract("Army sends 3,000 troops to the border", "The army has sent 3,000 troops to the border. The move came after weeks of tension.");
        Assert.Single(figures);
    }
}
