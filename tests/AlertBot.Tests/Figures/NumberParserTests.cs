using AlertBot.Core.Figures;

namespace AlertBot.Tests.Figures;

public sealed class NumberParserTests
{
    [Theory]
    [InlineData("3,000 troops", 3000, null)]
    [InlineData("1.2 million people", 1_200_000, null)]
    [InlineData("2 billion", 2_000_000_000, null)]
    [InlineData("10,000 to 12,000 troops", 10000, 12000d)]
    [InlineData("10,000-12,000 troops", 10000, 12000d)]
    [InlineData("10,000–12,000 troops", 10000, 12000d)]
    [InlineData("between 300 and 400 soldiers", 300, 400d)]
    [InlineData("1 to 2 million refugees", 1_000_000, 2_000_000d)]
    [InlineData("three soldiers", 3, null)]
    [InlineData("twenty-five soldiers", 25, null)]
    [InlineData("two hundred and fifty people", 250, null)]
    [InlineData("a dozen sailors", 12, null)]
    [InlineData("half a million refugees", 500_000, null)]
    [InlineData("two million", 2_000_000, null)]
    [InlineData("thousands of soldiers", 1000, null)]
    [InlineData("tens of thousands of people", 10_000, null)]
    [InlineData("rose from 3,000 to 11,000", 11000, null)]
    public void Numbers_are_read_as_news_writes_them(string text, double value, double? high)
    {
        var n = ParseFirst(text);
        Assert.NotNull(n);
        Assert.Equal(value, n.Value);
        Assert.Equal(high, n.High);
    }

    [Theory]
    [InlineData("thousands of soldiers", "thousands")]
    [InlineData("tens of thousands of people", "tens of thousands")]
    [InlineData("dozens of civilians", "dozens")]
    [InlineData("hundreds of thousands of refugees", "hundreds of thousands")]
    public void Orders_of_magnitude_are_kept_as_such(string text, string magnitude) =>
        Assert.Equal(magnitude, ParseFirst(text)!.Magnitude);

    [Theory]
    [InlineData("12,000 to 10,000")]
    [InlineData("500-300")]
    public void A_descending_pair_is_not_a_range(string text) => Assert.Null(ParseFirst(text)!.High);

    private static NumberSpan? ParseFirst(string text)
    {
        var t = FigureTokenizer.Tokenize(text);
        for (var i = 0; i < t.Count; i++)
            if (NumberParser.TryParse(t, i) is { } n) return n;
        return null;
    }
}
