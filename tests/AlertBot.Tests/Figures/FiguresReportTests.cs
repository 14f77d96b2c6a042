using AlertBot.Core.Commands;
using AlertBot.Core.Figures;

namespace AlertBot.Tests.Figures;

public sealed class FiguresReportTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 20, 12, 0, 0, TimeSpan.Zero);

    private static StoredFigure S(double value, string measure, string? by, string outlet, DateTimeOffset date, string subject = "North Korean troops",
        string? qualifier = null, double? high = null, string? when = null, string? unit = null) =>
        new(new Figure { Value = value, ValueHigh = high, Unit = unit, Measure = measure, ClaimedBy = by, Subject = subject, Qualifier = qualifier, When = when, Quote = "q" },
            outlet, date, "title", "https://example.com/a");

    private static string Group(string text, string header) =>
        Assert.Single(text.Split("\n\n"), g => g.StartsWith(header + "\n", StringComparison.Ordinal));

    [Fact]
    public void Nothing_known_gets_a_clear_reply()
    {
        var text = FiguresReport.Render("NK troops", [], Now);
        Assert.Contains("No figures known for NK troops", text);
    }

    [Fact]
    public void Competing_claimants_sit_side_by_side_and_are_never_a_trend()
    {
        var text = FiguresReport.Render("NK troops",
        [
            S(1200, "casualties", "U.S. assessments", "b.com", Now.AddDays(-3), qualifier: "approximately"),
            S(4000, "casualties", "JCS", "a.com", Now.AddDays(-10), qualifier: "approximately"),
        ], Now);

        var lines = Group(text, "Casualties — North Korean troops").Split('\n');
        Assert.Equal("Newest: about 1,200 (U.S. assessments, 3d ago). Sources disagree: estimates range from 1,200 to 4,000.", lines[1]);
        Assert.Equal("• about 1,200 — U.S. assessments · b.com, 3d ago", lines[2]);
        Assert.Equal("• about 4,000 — JCS · a.com, 10d ago", lines[3]);
        Assert.DoesNotContain("→", text);
    }

    [Fact]
    public void A_series_joins_one_claimant_ordered_by_the_time_each_figure_refers_to()
    {
        var text = FiguresReport.Render("NK troops",
        [
            S(14000, "troops deployed", "NIS", "c.com", new DateTimeOffset(2025, 3, 2, 0, 0, 0, TimeSpan.Zero)),
            // Published last but about last October: it comes first in the series.
            S(3000, "troops deployed", "NIS", "d.com", new DateTimeOffset(2025, 3, 10, 0, 0, 0, TimeSpan.Zero), when: "last October"),
            S(11000, "troops deployed", "NIS", "b.com", new DateTimeOffset(2024, 12, 1, 0, 0, 0, TimeSpan.Zero)),
            S(12000, "troops deployed", "JCS", "a.com", new DateTimeOffset(2025, 1, 5, 0, 0, 0, TimeSpan.Zero)),
            S(2000, "troops deployed", "NIS", "a.com", new DateTimeOffset(2025, 1, 6, 0, 0, 0, TimeSpan.Zero), qualifier: "additional"),
        ], Now);

        Assert.Contains("Over time (NIS): 3,000 → 11,000 → 14,000 (Oct 2024–Mar 2025)", text);
        Assert.DoesNotContain("Over time (JCS)", text);
        Assert.StartsWith("Figures for NK troops: 5 estimates from 4 outlets.", text);
    }

    [Fact]
    public void Another_subject_and_a_historical_comparison_are_context_not_the_series()
    {
        var text = FiguresReport.Render("NK troops",
        [
            S(11000, "troops deployed", "NIS", "b.com", Now.AddDays(-5)),
            S(12000, "troops deployed", "NIS", "a.com", Now.AddDays(-1)),
            S(320000, "troops deployed", null, "c.com", Now.AddDays(-2), subject: "South Korean troops", when: "during the Vietnam War"),
            S(50000, "troops deployed", "NIS", "c.com", Now.AddDays(-2), when: "in 1950"),
        ], Now);

        Assert.Contains("Over time (NIS): 11,000 → 12,000", text);
        Assert.DoesNotContain("→ 320,000", text);
        Assert.DoesNotContain("→ 50,000", text);
        var context = text[text.IndexOf("Context (other subjects, history):", StringComparison.Ordinal)..];
        Assert.Contains("• Troops deployed — South Korean troops: 320,000 (during the Vietnam War) — unattributed · c.com, 2d ago", context);
        Assert.Contains("50,000 (in 1950) — NIS", context);
    }

    [Fact]
    public void Money_shows_its_currency_and_counts_use_correct_plurals()
    {
        var text = FiguresReport.Render("EU aid", [S(50e9, "aid package (EUR)", "Charles Michel", "bbc.com", Now.AddHours(-2), subject: "Ukraine", unit: "EUR")], Now);

        Assert.StartsWith("Figures for EU aid: 1 estimate from 1 outlet.", text);
        Assert.Contains("• €50 billion — Charles Michel · bbc.com, 2h ago", text);
        Assert.Contains("Newest: €50 billion (Charles Michel, 2h ago).", text);
    }
}
