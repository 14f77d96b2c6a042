namespace AlertBot.Core.Feeds;

/// <summary>Sample-grade fetcher: plain GET or file read. The hardened fetcher replaces this body.</summary>
public sealed class FeedFetcher(HttpClient http) : IFeedFetcher
{
    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        try
        {
            if (request.Url.IsFile)
            {
                var bytes = await File.ReadAllBytesAsync(request.Url.LocalPath, cancellationToken);
                return new FetchResult.Fetched(bytes, null, null, null, request.Url);
            }

            using var message = new HttpRequestMessage(HttpMethod.Get, request.Url);
            if (request.ETag is not null) message.Headers.TryAddWithoutValidation("If-None-Match", request.ETag);
            if (request.LastModified is not null) message.Headers.TryAddWithoutValidation("If-Modified-Since", request.LastModified);
            using var response = await http.SendAsync(message, cancellationToken);
            if (response.StatusCode == System.Net.HttpStatusCode.NotModified) return new FetchResult.NotModified();
            if (!response.IsSuccessStatusCode)
                return new FetchResult.Failed($"the server answered {(int)response.StatusCode} {response.ReasonPhrase}", (int)response.StatusCode);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return new FetchResult.Fetched(body, response.Content.Headers.ContentType?.ToString(), response.Headers.ETag?.ToString(),
                response.Content.Headers.LastModified?.ToString("R"), response.RequestMessage?.RequestUri ?? request.Url);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new FetchResult.Failed(ex.Message);
        }
    }
}
