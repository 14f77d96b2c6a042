using Xunit.Abstractions;

namespace AlertBot.Tests.Feeds.Conformance;

/// <summary>
/// Parses every document of ../shared/feedcorpus from raw bytes and scores it field by field against the
/// expectations of Python feedparser and Go gofeed. Each test fails when its score drops below the target.
/// </summary>
public sealed class FeedConformanceTests(ConformanceRun run, ITestOutputHelper output) : IClassFixture<ConformanceRun>
{
    private void Print()
    {
        foreach (var line in run.Report())
        {
            output.WriteLine(line);
            Console.WriteLine(line);
        }
    }

    [Fact]
    public void Report_is_printed_with_the_failures_to_read()
    {
        Print();
        foreach (var failure in run.Failures(15)) output.WriteLine("FAIL " + failure);
        Assert.True(run.Documents >= 2659, $"only {run.Documents} documents were found");
    }

    [Fact]
    public void No_document_crashes_or_hangs_the_parser() =>
        Assert.True(run.CrashFree == run.Documents, string.Join("\n", run.Feedparser.Crashes.Concat(run.Gofeed.Crashes)));

    [Fact]
    public void Gofeed_translator_cases_reach_95_percent_field_accuracy() =>
        AssertTarget(run.Gofeed.Suites["translator"], 0.95, "gofeed translator");

    [Theory]
    [InlineData("wellformed")]
    [InlineData("entities")]
    [InlineData("encoding")]
    public void Feedparser_suite_reaches_90_percent_field_accuracy(string suite) =>
        AssertTarget(run.Feedparser.Suites[suite], 0.90, "feedparser " + suite);

    [Fact]
    public void Date_tables_reach_95_percent() => AssertTarget(run.Dates, 0.95, "date tables");

    private void AssertTarget(Score score, double target, string name)
    {
        foreach (var line in score.Lines(name)) output.WriteLine(line);
        foreach (var failure in score.Failures.Take(40)) output.WriteLine("FAIL " + failure);
        Assert.True(score.Accuracy >= target, $"{name}: {score.Accuracy:P1} is below the {target:P0} target");
    }
}
