using AlertBot.Core.Figures;

namespace AlertBot.Tests.Figures;

public sealed class FiguresReportTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 20, 12, 0, 0, TimeSpan.Zero);

    private static StoredFigure S(double value, string measure, string? by, string outlet, DateTimeOffset date, string subject = "North Korean troops", string? qualifier = null, double? high = null) =>
        new(new Figure { Value = value, ValueHigh = high, Measure = measure, ClaimedBy = by, Subject = subject, Qualifier = qualifier, Quote = "q" },
            outlet, date, "title", "https://example.com/a");

    [Fact]
    public void Nothing_known_gets_a_clear_reply()
    {
        var text = FiguresReport.Render("NK troops", [], Now);
        Assert.Contains("No figures known for NK troops", text);
    }

    [Fact]
    public void Competing_estimates_sit_side_by_side_newest_first_with_claimant_outlet_and_age()
    {
        var text = FiguresReport.Render("NK troops",
        [
            S(1200, "casualties", "U.S. assessments", "b.com", Now.AddDays(-3), qualifier: "approximately"),
            S(4000, "casualties", "JCS", "a.com", Now.AddDays(-10), qualifier: "approximately"),
        ], Now);
        var lines = text.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("Casualties — North Korean troops", StringComparison.Ordinal));
        Assert.True(header >= 0, text);
        Assert.Equal("• about 1,200 — U.S. assessments · b.com, 3d ago", lines[header + 1]);
        Assert.Equal("• about 4,000 — JCS · a.com, 10d ago", lines[header + 2]);
    }

    [Fact]
    public void The_series_shows_how_an_estimate_moved_over_time()
    {
        var text = FiguresReport.Render("NK troops",
        [
            S(14000, "troops deployed", "NIS", "c.com", new DateTimeOffset(2025, 3, 2, 0, 0, 0, TimeSpan.Zero)),
            S(3000, "troops deployed", "JCS", "a.com", new DateTimeOffset(2024, 10, 20, 0, 0, 0, TimeSpan.Zero)),
            S(2000, "troops deployed", "JCS", "a.com", new DateTimeOffset(2025, 1, 5, 0, 0, 0, TimeSpan.Zero), qualifier: "additional"),
            S(11000, "troops deployed", "NIS", "b.com", new DateTimeOffset(2024, 12, 1, 0, 0, 0, TimeSpan.Zero)),
        ], Now);
        Assert.Contains("Over time: 3,000 → 11,000 → 14,000 (Oct 2024–Mar 2025)", text);
    }

    [Fact]
    public void Another_subject_is_never_merged_into_the_main_series()
    {
        var text = FiguresReport.Render("NK troops",
        [
            S(11000, "troops deployed", "NIS", "b.com", Now.AddDays(-5)),
            S(12000, "troops deployed", "JCS", "a.com", Now.AddDays(-1)),
            S(320000, "troops deployed", null, "c.com", Now.AddDays(-2), subject: "South Korean troops"),
        ], Now);
        Assert.Contains("Over time: 11,000 → 12,000", text);
        Assert.DoesNotContain("→ 320,000", text);
        Assert.Contains("Troops deployed — South Korean troops (other subject)\n• 320,000 — unattributed · c.com, 2d ago", text);
        Assert.True(text.IndexOf("North Korean troops", StringComparison.Ordinal) < text.IndexOf("South Korean troops", StringComparison.Ordinal));
    }
}
