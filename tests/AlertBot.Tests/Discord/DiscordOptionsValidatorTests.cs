using AlertBot.Discord;

namespace AlertBot.Tests.Discord;

public class DiscordOptionsValidatorTests
{
    [Fact]
    public void Valid_options_pass()
    {
        Assert.True(new DiscordOptionsValidator().Validate(null, new DiscordOptions { Token = "abc.def" }).Succeeded);
    }

    [Fact]
    public void Every_problem_is_named_and_the_token_is_never_echoed()
    {
        var options = new DiscordOptions
        {
            Token = "Bot secret-token-value",
            ApiBaseUrl = "ftp://x",
            GatewayUrl = "http://not-ws",
            ApplicationId = "abc",
            ShardId = 2,
            ShardCount = 2,
        };
        options.CommandGuildIds.Add("guild");

        var result = new DiscordOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Equal(6, failures.Count);
        Assert.Contains(failures, f => f.Contains("Token", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ShardId", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("secret-token-value", StringComparison.Ordinal));
    }
}
