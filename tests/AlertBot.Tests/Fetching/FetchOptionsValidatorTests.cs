using AlertBot.Core.Feeds.Fetching;

namespace AlertBot.Tests.Fetching;

public class FetchOptionsValidatorTests
{
    private readonly FetchOptionsValidator _validator = new();

    [Fact]
    public void Defaults_are_valid() => Assert.True(_validator.Validate(null, new FetchOptions()).Succeeded);

    [Fact]
    public void The_default_user_agent_names_the_bot() =>
        Assert.Equal("AlertBot/1.0 (+https://github.com/alertbot)", new FetchOptions().UserAgent);

    [Fact]
    public void Every_bad_value_is_reported_with_its_key()
    {
        var options = new FetchOptions
        {
            Timeout = TimeSpan.Zero,
            MaxBodyBytes = 0,
            MaxRedirects = -1,
            MaxConcurrentPerHost = 0,
            UserAgent = "",
            AllowedNetworks = ["127.0.0.0/8", "not-a-network"],
            AllowedHosts = ["ok.example", "bad host"],
            NotFoundLimit = 0,
        };
        var failures = _validator.Validate(null, options).Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("Fetch:Timeout ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Fetch:MaxBodyBytes ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Fetch:MaxRedirects ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Fetch:MaxConcurrentPerHost ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Fetch:UserAgent ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Fetch:AllowedNetworks:1 ", StringComparison.Ordinal) && f.Contains("not-a-network"));
        Assert.Contains(failures, f => f.StartsWith("Fetch:AllowedHosts:1 ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Fetch:NotFoundLimit ", StringComparison.Ordinal));
        Assert.Equal(8, failures.Count);
    }

    [Fact]
    public void A_connect_timeout_longer_than_the_total_timeout_is_rejected()
    {
        var result = _validator.Validate(null, new FetchOptions { Timeout = TimeSpan.FromSeconds(5), ConnectTimeout = TimeSpan.FromSeconds(10) });
        Assert.Contains(result.Failures!, f => f.Contains("Fetch:ConnectTimeout"));
    }
}
