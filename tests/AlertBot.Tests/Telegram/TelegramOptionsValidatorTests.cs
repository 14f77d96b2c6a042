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

    [Fact]
    public void A_webhook_needs_https_a_well_formed_secret_and_a_listen_url()
    {
        var options = new TelegramOptions
        {
            Token = "42:abcdefghijklmnopqrstuvwxyz_-12",
            Webhook = new TelegramWebhookOptions { Url = new Uri("http://bot.example/hook"), SecretToken = "has spaces", ListenUrl = "nowhere" },
        };
        var failures = Validator.Validate(null, options).Failures!.ToList();
        Assert.Equal(3, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Telegram:Webhook:Url", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Telegram:Webhook:SecretToken", StringComparison.Ordinal) && !f.Contains("has spaces", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Telegram:Webhook:ListenUrl", StringComparison.Ordinal));

        options.Webhook = new TelegramWebhookOptions { Url = new Uri("https://bot.example/hook"), SecretToken = "s3cret_-", ListenUrl = "http://0.0.0.0:8443" };
        Assert.True(Validator.Validate(null, options).Succeeded);
    }
}
