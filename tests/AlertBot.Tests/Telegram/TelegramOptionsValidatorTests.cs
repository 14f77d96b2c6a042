using AlertBot.Telegram;

namespace AlertBot.Tests.Telegram;

public class TelegramOptionsValidatorTests
{
    private static readonly TelegramOptionsValidator Validator = new();

    [Fact]
    public void Valid_options_pass() =>
        Assert.True(Validator.Validate(null, new TelegramOptions { Token = "42:abcdefghijklmnopqrstuvwxyz_-12" }).Succeeded);

    [Fact]
    public void Every_failure_is_reported_and_names_its_key()
    {
        var result = Validator.Validate(null, new TelegramOptions
        {
            Token = "",
            BaseUrl = new Uri("/relative", UriKind.Relative),
            PollTimeoutSeconds = 90,
            MessagesPerSecond = 0,
        });
        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.Contains("Telegram:Token", StringComparison.Ordinal) && f.Contains("ALERTBOT__TELEGRAM__TOKEN", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Telegram:BaseUrl", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Telegram:PollTimeoutSeconds", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Telegram:MessagesPerSecond", StringComparison.Ordinal));
    }

    [Fact]
    public void A_malformed_token_is_refused_without_echoing_it()
    {
        const string bad = "not-a-real-token-value";
        var result = Validator.Validate(null, new TelegramOptions { Token = bad });
        Assert.True(result.Failed);
        Assert.DoesNotContain(bad, result.FailureMessage, StringComparison.Ordinal);
    }
}
