using System.Net;
using System.Net.Sockets;
using AlertBot.Core.Feeds.Fetching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlertBot.Core.Feeds;

/// <summary>
/// Fetches a feed over http(s) or from a file: conditional GET, its own redirect loop (at most
/// <see cref="FetchOptions.MaxRedirects"/>, permanent moves reported), a per-host concurrency cap, a size cap
/// enforced while streaming and a total timeout. Every trouble becomes a <see cref="FetchResult.Failed"/> worded
/// for a moderator. The <see cref="HttpClient"/> must come from <see cref="FetchHandlerFactory"/> (or the
/// IHttpClientFactory registration in <see cref="FetchSetup"/>): its handler is what refuses internal addresses.
/// </summary>
public sealed class FeedFetcher : IFeedFetcher
{
    private readonly HttpClient _http;
    private readonly FetchOptions _options;
    private readonly HostConcurrencyLimiter _limiter;
    private readonly TimeProvider _time;

    [ActivatorUtilitiesConstructor]
    public FeedFetcher(HttpClient http, IOptions<FetchOptions> options, HostConcurrencyLimiter limiter, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _limiter = limiter;
        _time = time;
    }

    /// <summary>A fetcher with its own guarded client, for the CLI, the bench and tests (no DI container).</summary>
    public static FeedFetcher Create(FetchOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(FetchHandlerFactory.CreateClient(options), Options.Create(options), new HostConcurrencyLimiter(options.MaxConcurrentPerHost), time ?? TimeProvider.System);
    }

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Url.IsFile) return await ReadFileAsync(request.Url, cancellationToken);
        if (!IsHttp(request.Url))
            return new FetchResult.Failed($"cannot fetch '{request.Url.Scheme}:' URLs; a feed address starts with http:// or https://", Permanent: true);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var url = request.Url;
        var host = url.IdnHost;
        try
        {
            var allPermanent = true;
            for (var redirects = 0; ; redirects++)
            {
                host = url.IdnHost;
                // Waiting for a free slot on a busy host is not the server's fault, so the clock starts after it.
                using var lease = await _limiter.AcquireAsync(host, deadline.Token);
                if (redirects == 0) deadline.CancelAfter(_options.Timeout);

                using var message = new HttpRequestMessage(HttpMethod.Get, url);
                if (request.ETag is not null) message.Headers.TryAddWithoutValidation("If-None-Match", request.ETag);
                if (request.LastModified is not null) message.Headers.TryAddWithoutValidation("If-Modified-Since", request.LastModified);
                using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                var status = (int)response.StatusCode;

                if (status is 301 or 302 or 303 or 307 or 308)
                {
                    var location = response.Headers.Location;
                    if (location is null)
                        return new FetchResult.Failed($"the server answered {status} (redirect) without saying where to", status);
                    var next = location.IsAbsoluteUri ? location : new Uri(url, location);
                    if (redirects >= _options.MaxRedirects)
                        return new FetchResult.Failed($"too many redirects (more than {_options.MaxRedirects}; the last one pointed to {next})", status);
                    if (!IsHttp(next))
                        return new FetchResult.Failed($"the server redirected to {next}, which is not an http(s) address", status);
                    allPermanent &= status is 301 or 308;
                    url = next;
                    continue;
                }

                var moved = redirects > 0 && allPermanent;
                if (response.StatusCode == HttpStatusCode.NotModified)
                    return new FetchResult.NotModified { FinalUrl = url, MovedPermanently = moved };
                if (!response.IsSuccessStatusCode)
                    return HttpFailure(response);

                var body = await BoundedBodyReader.ReadAsync(response.Content, _options.MaxBodyBytes, deadline.Token);
                if (body is null)
                    return new FetchResult.Failed($"the feed is larger than {Size(_options.MaxBodyBytes)}; stopped reading it", status);
                return new FetchResult.Fetched(body, response.Content.Headers.ContentType?.ToString(),
                    Header(response.Headers, "ETag"), Header(response.Content.Headers, "Last-Modified"), url, moved);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException or InvalidDataException or SocketException)
        {
            return Describe(ex, host, deadline.IsCancellationRequested);
        }
    }

    private FetchResult.Failed Describe(Exception ex, string host, bool timedOut)
    {
        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case AddressRefusedException refused:
                    return new FetchResult.Failed(refused.Message, Permanent: true);
                case TimeoutException when !timedOut:
                    return new FetchResult.Failed($"could not connect to {host} within {Seconds(_options.ConnectTimeout)}");
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData }:
                    return new FetchResult.Failed($"the host name {host} could not be resolved (no such domain?)");
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return new FetchResult.Failed($"{host} refused the connection (nothing is listening there)");
                case InvalidDataException:
                    return new FetchResult.Failed("the server sent a corrupt compressed body");
            }
        }
        if (timedOut)
            return new FetchResult.Failed($"timed out: the server did not send the whole feed within {Seconds(_options.Timeout)}");
        return new FetchResult.Failed($"could not fetch from {host}: {ex.Message}");
    }

    private FetchResult.Failed HttpFailure(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var said = $"{status} {response.ReasonPhrase}".TrimEnd();
        switch (status)
        {
            case 410:
                return new FetchResult.Failed($"the feed is gone for good (the server answered {said})", status, Permanent: true);
            case 404:
                return new FetchResult.Failed($"the feed was not found (the server answered {said})", status);
            case 429 or 503:
                // An HTTP-date is measured against the server's own Date header when it sent one, so a skewed
                // clock on either side does not turn "in 10 minutes" into "now" or "in 3 hours".
                var wait = RetryAfter.Parse(Header(response.Headers, "Retry-After"), response.Headers.Date ?? _time.GetUtcNow());
                var hint = wait is { } w ? $"; it asked us to wait {w}" : "";
                return new FetchResult.Failed($"the server is busy or limiting requests (it answered {said}{hint})", status, wait);
            default:
                return new FetchResult.Failed($"the server answered {said}", status);
        }
    }

    private async Task<FetchResult> ReadFileAsync(Uri url, CancellationToken cancellationToken)
    {
        if (!_options.AllowFileUrls)
            return new FetchResult.Failed($"file: URLs are turned off ({FetchOptions.SectionName}:AllowFileUrls)", Permanent: true);
        var file = new FileInfo(url.LocalPath);
        if (!file.Exists) return new FetchResult.Failed($"no such file: {url.LocalPath}");
        if (file.Length > _options.MaxBodyBytes)
            return new FetchResult.Failed($"the feed is larger than {Size(_options.MaxBodyBytes)}; not reading it");
        try
        {
            var bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
            return new FetchResult.Fetched(bytes, null, null, null, url);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new FetchResult.Failed($"could not read {url.LocalPath}: {ex.Message}");
        }
    }

    private static bool IsHttp(Uri url) => url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    private static string? Header(System.Net.Http.Headers.HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds:0.###} s";

    private static string Size(long bytes) => bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes} bytes";
}
