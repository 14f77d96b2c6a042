using System.Net;

namespace AlertBot.Core.Feeds.Fetching;

/// <summary>Builds the one primary handler every feed request goes through (for IHttpClientFactory or by hand).</summary>
public static class FetchHandlerFactory
{
    public static SocketsHttpHandler Create(FetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connector = new GuardedConnector(AddressPolicy.From(options));
        return new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            // Redirects are followed by FeedFetcher so each hop is counted, classified (permanent or not) and
            // kept to http(s); the connect callback re-checks the address of every hop.
            AllowAutoRedirect = false,
            ConnectCallback = connector.ConnectAsync,
            ConnectTimeout = options.ConnectTimeout,
            // A proxy would make the connect callback see the proxy's address instead of the feed's.
            UseProxy = false,
            UseCookies = false,
            MaxConnectionsPerServer = options.MaxConcurrentPerHost,
            // Bounded lifetime so DNS changes are seen; idle connections do not pile up across thousands of hosts.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            MaxResponseHeadersLength = 64, // KiB
        };
    }

    /// <summary>An HttpClient for the fetcher; its own timeout is off because FeedFetcher enforces the total one.</summary>
    public static HttpClient CreateClient(FetchOptions options) => Configure(new HttpClient(Create(options), disposeHandler: true), options);

    public static HttpClient Configure(HttpClient client, FetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.UserAgent.Clear();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        client.DefaultRequestHeaders.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5");
        return client;
    }
}
