using AlertBot.Core.Delivery;
using AlertBot.Core.Figures;

namespace AlertBot.Tests.Figures;

public sealed class FigureFormatTests
{
    private static Figure F(double value, double? high = null, string? qualifier = null, string measure = "troops deployed", string? subject = null, string? by = null) =>
        new() { Value = value, ValueHigh = high, Qualifier = qualifier, Measure = measure, Subject = subject, ClaimedBy = by, Quote = "q" };

    [Theory]
    [InlineData(11000, null, "approximately", "about 11,000")]
    [InlineData(10000, 12000d, "approximately", "about 10,000–12,000")]
    [InlineData(10000, 12000d, null, "10,000–12,000")]
    [InlineData(1_200_000, null, null, "1.2 million")]
    [InlineData(10000, null, "more than", "more than 10,000")]
    [InlineData(3000, null, "approximately; additional", "about 3,000 more")]
    [InlineData(1000, null, "thousands", "thousands")]
    [InlineData(1500, null, "estimated", "est. 1,500")]
    [InlineData(45, null, "at least", "at least 45")]
    [InlineData(2.5, null, null, "2.5")]
    public void One_figure_reads_as_news_would_write_it(double value, double? high, string? qualifier, string expected) =>
        Assert.Equal(expected, FigureFormat.Value(F(value, high, qualifier)));

    [Theory]
    [InlineData(50e9, "EUR", null, "€50 billion")]
    [InlineData(6_698_500_000d, "INR", null, "₹6.7 billion")]
    [InlineData(5.5e9, "USD", "approximately", "about $5.5 billion")]
    [InlineData(1.2e6, "GBP", null, "£1.2 million")]
    [InlineData(59, "%", null, "59%")]
    [InlineData(0.5, "percentage points", null, "0.5 percentage points")]
    [InlineData(2e6, "CHF", "more than", "more than 2 million CHF")]
    public void Money_and_rates_read_with_their_unit(double value, string unit, string? qualifier, string expected) =>
        Assert.Equal(expected, FigureFormat.Value(F(value, qualifier: qualifier) with { Unit = unit }));

    [Theory]
    [InlineData(0, 30, "just now")]
    [InlineData(0, 300, "5m ago")]
    [InlineData(0, 3 * 3600, "3h ago")]
    [InlineData(0, 3 * 86400, "3d ago")]
    public void Ages_are_compact(int thenSeconds, int nowSeconds, string expected)
    {
        var t0 = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(expected, AlertBot.Core.Commands.RelativeTime.Ago(t0.AddSeconds(nowSeconds), t0.AddSeconds(thenSeconds)));
    }

    [Fact]
    public void Key_figures_prefer_the_main_subject_and_one_per_measure()
    {
        var figures = new[]
        {
            F(1000, qualifier: "thousands", subject: "North Korean troops"),
            F(320000, subject: "South Korean troops"),
            F(3000, subject: "North Korean troops", by: "officials"),
            F(4000, measure: "casualties", subject: "North Korean troops", by: "JCS"),
            F(11000, subject: "North Korean troops"),
        };
        var key = KeyFigures.Select(figures, 3);
        Assert.Equal([3000.0, 4000.0, 11000.0], key.Select(k => k.Value));
    }

    [Fact]
    public void An_alert_figure_carries_measure_value_and_claimant()
    {
        var a = KeyFigures.ToAlertFigure(F(4000, qualifier: "approximately", measure: "casualties", by: "JCS"));
        Assert.Equal(("casualties", "about 4,000", "JCS"), (a.Measure, a.Value, a.ClaimedBy));
    }
}

public sealed class FigureJsonTests
{
    [Fact]
    public void Figures_serialise_with_the_keys_of_the_dev_set()
    {
        var figures = FigureExtractor.Extract("", "Officials said approximately 10,000 to 12,000 troops were sent to the front last year.");
        var json = FigureJson.ToJson(figures).ToJsonString();
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var first = doc.RootElement[0];
        Assert.Equal(["value", "value_high", "unit", "measure", "subject", "qualifier", "claimed_by", "when", "quote"],
            first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(10000, first.GetProperty("value").GetDouble());
        Assert.Equal(12000, first.GetProperty("value_high").GetDouble());
        Assert.Equal("troops deployed", first.GetProperty("measure").GetString());
        Assert.Equal("Officials", first.GetProperty("claimed_by").GetString());
        Assert.Equal("last year", first.GetProperty("when").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, first.GetProperty("unit").ValueKind);
    }

    [Theory]
    [InlineData("The EU agreed a €50 billion package of aid for Ukraine on Thursday.", "EUR")]
    [InlineData("Voter turnout was 66.38% in the second phase, the commission said.", "%")]
    public void Money_and_rates_carry_their_unit_in_json(string sentence, string unit)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(FigureJson.ToJson(FigureExtractor.Extract("", sentence)).ToJsonString());
        Assert.Equal(unit, doc.RootElement[0].GetProperty("unit").GetString());
    }
}
