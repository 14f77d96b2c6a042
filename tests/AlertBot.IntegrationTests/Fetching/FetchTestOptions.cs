using AlertBot.Core.Feeds;
using AlertBot.Core.Feeds.Fetching;
using Microsoft.Extensions.Options;

namespace AlertBot.IntegrationTests.Fetching;

internal static class FetchTestOptions
{
    public const string Rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>One</title><guid>1</guid></item></channel></rss>";

    /// <summary>Defaults with loopback allow-listed, as the tests' servers live there.</summary>
    public static FetchOptions Loopback(Action<FetchOptions>? change = null)
    {
        var options = new FetchOptions { AllowedNetworks = ["127.0.0.0/8"] };
        change?.Invoke(options);
        return options;
    }

    /// <summary>A fetcher whose client is disposed with the returned scope.</summary>
    public static TestFetcher Fetcher(FetchOptions options, TimeProvider? time = null)
    {
        var client = FetchHandlerFactory.CreateClient(options);
        var fetcher = new FeedFetcher(client, Options.Create(options), new HostConcurrencyLimiter(options.MaxConcurrentPerHost), time ?? TimeProvider.System);
        return new TestFetcher(fetcher, client);
    }

    internal sealed class TestFetcher(FeedFetcher fetcher, HttpClient client) : IDisposable
    {
        public Task<FetchResult> FetchAsync(Uri url, string? etag = null, string? lastModified = null) =>
            fetcher.FetchAsync(new FetchRequest(url, etag, lastModified), CancellationToken.None);

        public void Dispose() => client.Dispose();
    }
}
