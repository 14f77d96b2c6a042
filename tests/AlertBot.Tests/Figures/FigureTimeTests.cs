using AlertBot.Core.Figures;

namespace AlertBot.Tests.Figures;

public sealed class FigureTimeTests
{
    private static readonly DateTimeOffset Published = new(2025, 6, 15, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("since March 2023", 2023, 3)]
    [InlineData("between May and March 2023", 2023, 3)] // the earlier month of the year, whatever comes first in the text
    [InlineData("last October", 2024, 10)]
    [InlineData("in June", 2025, 6)]
    [InlineData("last June", 2024, 6)]
    [InlineData("in 2019", 2019, 7)]
    [InlineData("last year", 2024, 6)]
    [InlineData("in the mayhem of the summer", 2025, 6)] // a month only as a whole word
    [InlineData("Decembers past", 2025, 6)]
    public void A_figure_holds_when_its_time_expression_says(string when, int year, int month)
    {
        var resolved = FigureTime.Resolve(when, Published);
        Assert.Equal((year, month), (resolved.Year, resolved.Month));
    }
}
