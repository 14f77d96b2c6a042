using System.Net;
using Microsoft.Extensions.Options;

namespace AlertBot.Core.Feeds.Fetching;

/// <summary>Collects every problem in the <c>Fetch</c> section, each naming its key and the bad value.</summary>
public sealed class FetchOptionsValidator : IValidateOptions<FetchOptions>
{
    private const string S = FetchOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, FetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Timeout <= TimeSpan.Zero)
            failures.Add($"{S}:Timeout must be positive (was {options.Timeout}).");
        if (options.ConnectTimeout <= TimeSpan.Zero)
            failures.Add($"{S}:ConnectTimeout must be positive (was {options.ConnectTimeout}).");
        else if (options.ConnectTimeout > options.Timeout && options.Timeout > TimeSpan.Zero)
            failures.Add($"{S}:ConnectTimeout ({options.ConnectTimeout}) must not exceed {S}:Timeout ({options.Timeout}).");
        if (options.MaxBodyBytes is <= 0 or > 1L << 30)
            failures.Add($"{S}:MaxBodyBytes must be between 1 and {1L << 30} (1 GiB) (was {options.MaxBodyBytes}).");
        if (options.MaxRedirects is < 0 or > 20)
            failures.Add($"{S}:MaxRedirects must be between 0 and 20 (was {options.MaxRedirects}).");
        if (options.MaxConcurrentPerHost is < 1 or > 256)
            failures.Add($"{S}:MaxConcurrentPerHost must be between 1 and 256 (was {options.MaxConcurrentPerHost}).");
        if (options.MaxConcurrentChecks is < 1 or > 256)
            failures.Add($"{S}:MaxConcurrentChecks must be between 1 and 256 (was {options.MaxConcurrentChecks}).");
        if (string.IsNullOrWhiteSpace(options.UserAgent) || !IsValidUserAgent(options.UserAgent))
            failures.Add($"{S}:UserAgent is not a valid User-Agent header (was '{options.UserAgent}').");
        for (var i = 0; i < options.AllowedHosts.Count; i++)
        {
            var host = options.AllowedHosts[i];
            if (string.IsNullOrWhiteSpace(host) || Uri.CheckHostName(host.Trim('[', ']')) == UriHostNameType.Unknown)
                failures.Add($"{S}:AllowedHosts:{i} is not a host name (was '{host}').");
        }
        for (var i = 0; i < options.AllowedNetworks.Count; i++)
        {
            if (!IPNetwork.TryParse(options.AllowedNetworks[i], out _))
                failures.Add($"{S}:AllowedNetworks:{i} is not a network in CIDR form such as 127.0.0.0/8 (was '{options.AllowedNetworks[i]}').");
        }
        if (options.MaxBackoff <= TimeSpan.Zero)
            failures.Add($"{S}:MaxBackoff must be positive (was {options.MaxBackoff}).");
        if (options.MaxRetryAfter < TimeSpan.Zero)
            failures.Add($"{S}:MaxRetryAfter must not be negative (was {options.MaxRetryAfter}).");
        if (options.NotFoundLimit < 1)
            failures.Add($"{S}:NotFoundLimit must be at least 1 (was {options.NotFoundLimit}).");
        if (options.FailingNoticeAfter < 1)
            failures.Add($"{S}:FailingNoticeAfter must be at least 1 (was {options.FailingNoticeAfter}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsValidUserAgent(string value)
    {
        using var probe = new HttpRequestMessage();
        return probe.Headers.UserAgent.TryParseAdd(value);
    }
}
