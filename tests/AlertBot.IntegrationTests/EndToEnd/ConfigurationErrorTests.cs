using AlertBot.IntegrationTests.Support;
using AlertBot.Tests.Support;

namespace AlertBot.IntegrationTests.EndToEnd;

/// <summary>
/// Configuration mistakes as a new user makes them, through the real process: exit code 3 and one message
/// that names the key, the value and what was expected — no stack trace.
/// </summary>
public sealed class ConfigurationErrorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("ALERTBOT__DELIVERY__POLLSECONDS", "abc", "Delivery:PollSeconds", "whole number")]
    [InlineData("ALERTBOT__STORAGE__PATH", "/proc/nope/x.db", "Storage:Path", "folder the bot can write to")]
    [InlineData("ALERTBOT__TOPICS__FILE", "broken-topics.json", "Topics:File", "not valid JSON")]
    public async Task A_bad_setting_exits_3_naming_the_key_the_value_and_what_is_expected(string variable, string value, string key, string expected)
    {
        await File.WriteAllTextAsync(_dir.File("topics.json"), """{"topics":[]}""");
        await File.WriteAllTextAsync(_dir.File("broken-topics.json"), """{"topics":[{"id":""");
        var environment = new Dictionary<string, string>
        {
            ["ALERTBOT__STORAGE__PATH"] = _dir.File("bot.db"),
            ["ALERTBOT__TOPICS__FILE"] = _dir.File("topics.json"),
        };
        environment[variable] = variable == "ALERTBOT__TOPICS__FILE" ? _dir.File(value) : value;

        var run = await BotProcess.RunAsync(_dir.Path, environment, TimeSpan.FromSeconds(60), "run");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains(key, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(value, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("expected", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }
}
