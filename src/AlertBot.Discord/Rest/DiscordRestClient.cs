using AlertBot.Core.Health;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace AlertBot.Discord.Rest;

/// <summary>
/// The one send path for Discord REST: auth and User-Agent headers, per-route buckets and the global limit,
/// 429s waited out and retried, 5xx retried with backoff, the invalid-request guard, and 50035 bodies logged whole.
/// </summary>
internal sealed class DiscordRestClient
{
    private const int MaxAttempts = 5;
    private static readonly string Version = typeof(DiscordRestClient).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";

    private readonly HttpClient _http;
    private readonly DiscordOptions _options;
    private readonly RateLimitBuckets _buckets;
    private readonly InvalidRequestGuard _guard;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _routeGates = new(StringComparer.Ordinal);
    private volatile bool _unauthorized;

    private readonly BotMetrics? _metrics;

    public DiscordRestClient(HttpClient http, DiscordOptions options, TimeProvider time, ILogger<DiscordRestClient> logger, BotMetrics? metrics = null)
    {
        _metrics = metrics;
        _http = http;
        _options = options;
        _time = time;
        _logger = logger;
        _buckets = new RateLimitBuckets(time);
        _guard = new InvalidRequestGuard(time, options.MaxInvalidRequestsPer10Minutes);
        _http.Timeout = TimeSpan.FromSeconds(30);
    }

    public string UserAgent => $"DiscordBot ({_options.UserAgentUrl}, {Version})";

    internal RateLimitBuckets Buckets => _buckets;

    internal InvalidRequestGuard Guard => _guard;

    public Task<DiscordResponse> GetAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Get, path, null, ct);

    public Task<DiscordResponse> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken ct) =>
        SendAsync(method, path, body, [], ct);

    /// <summary>
    /// With <paramref name="files"/>, the body goes as multipart/form-data: the JSON in the part <c>payload_json</c>, each
    /// file in <c>files[n]</c>, and the JSON's <c>attachments</c> (of the message, or of an interaction callback's
    /// <c>data</c>) names them; the caller adds those entries.
    /// </summary>
    public async Task<DiscordResponse> SendAsync(HttpMethod method, string path, JsonNode? body, IReadOnlyList<DiscordFile> files, CancellationToken ct)
    {
        var key = RouteKey.For(method, path);
        // Interaction callbacks and webhook follow-ups are exempt from the global limit (Discord docs).
        var exempt = key.Template.StartsWith("/interactions/", StringComparison.Ordinal) || key.Template.StartsWith("/webhooks/", StringComparison.Ordinal);
        var json = body?.ToJsonString();

        // One request per route key in flight: until headers arrive, nothing is known about the bucket.
        var gate = _routeGates.GetOrAdd(key.ToString(), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                if (_unauthorized)
                {
                    return new DiscordResponse(401, "", 40001, "The bot token was rejected earlier; fix ALERTBOT__DISCORD__TOKEN and restart.");
                }

                var blocked = _guard.BlockedFor();
                if (blocked > TimeSpan.Zero)
                {
                    _logger.LogError("Discord REST paused: {Count} invalid (401/403/429) responses in 10 minutes", _guard.Count);
                    return new DiscordResponse(0, "", null, "Too many invalid requests recently; paused to avoid a Cloudflare ban.", blocked);
                }

                await WaitForBucketAsync(key, exempt, ct);
                var (status, headers, text) = await SendOnceAsync(method, path, json, files, ct);
                if (status == 0)
                {
                    if (attempt >= 3)
                    {
                        return new DiscordResponse(0, "", null, text);
                    }

                    await Task.Delay(Backoff(attempt), _time, ct);
                    continue;
                }

                UpdateBuckets(key, headers);
                if (status is 401 or 403 or 429 && !IsSharedScope(headers))
                {
                    _guard.Record();
                }

                if (status == 401)
                {
                    _unauthorized = true;
                    _logger.LogCritical("Discord rejected the bot token (HTTP 401) on {Route}; all Discord REST traffic stops. Fix ALERTBOT__DISCORD__TOKEN.", key.Route);
                    return DiscordResponse.From(status, text);
                }

                if (status == 429)
                {
                    var (retryAfter, global) = ParseRateLimit(headers, text);
                    if (global)
                    {
                        _buckets.OnGlobalLimited(retryAfter);
                    }
                    else
                    {
                        _buckets.OnBucketLimited(key, retryAfter);
                    }

                    _logger.LogWarning("Discord 429 on {Route} ({Scope}), waiting {RetryAfter}", key, global ? "global" : "bucket", retryAfter);
                    _metrics?.RateLimitWait("discord");
                    if (attempt >= MaxAttempts)
                    {
                        return DiscordResponse.From(status, text) with { RetryAfter = retryAfter };
                    }

                    continue;
                }

                if (status >= 500 && attempt < 3)
                {
                    _logger.LogWarning("Discord {Status} on {Route}, retrying", status, key.Route);
                    await Task.Delay(Backoff(attempt), _time, ct);
                    continue;
                }

                var response = DiscordResponse.From(status, text);
                if (response.ErrorCode == 50035)
                {
                    // The errors tree names the exact field that broke a limit: log all of it.
                    _logger.LogError("Discord rejected the body of {Route} (50035): {Body}", key.Route, text);
                }
                else if (!response.IsSuccess)
                {
                    _logger.LogWarning("Discord {Route} failed: {Error}", key.Route, response.Describe());
                }

                return response;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task WaitForBucketAsync(RouteKey key, bool exempt, CancellationToken ct)
    {
        while (true)
        {
            var wait = _buckets.TryAcquire(key, exempt);
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, _time, ct);
        }
    }

    private async Task<(int Status, HttpResponseHeaders? Headers, string Body)> SendOnceAsync(
        HttpMethod method, string path, string? json, IReadOnlyList<DiscordFile> files, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, _options.ApiBaseUrl.TrimEnd('/') + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.Token);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (files.Count > 0)
        {
            // Built again for every attempt: a sent HttpContent cannot be sent twice.
            request.Content = Multipart(json ?? "{}", files);
        }
        else if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        try
        {
            using var response = await _http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            return ((int)response.StatusCode, response.Headers, text);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            _logger.LogWarning(ex, "Discord request {Method} {Route} failed", method, RouteKey.For(method, path).Route);
            return (0, null, ex.Message);
        }
    }

    private static MultipartFormDataContent Multipart(string json, IReadOnlyList<DiscordFile> files)
    {
        var content = new MultipartFormDataContent { { new StringContent(json, Encoding.UTF8, "application/json"), "payload_json" } };
        for (var i = 0; i < files.Count; i++)
        {
            var part = new ByteArrayContent(files[i].Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(files[i].ContentType);
            content.Add(part, string.Create(CultureInfo.InvariantCulture, $"files[{i}]"), files[i].Name);
        }

        return content;
    }

    private void UpdateBuckets(RouteKey key, HttpResponseHeaders? headers)
    {
        if (headers is null)
        {
            return;
        }

        _buckets.Update(
            key,
            Header(headers, "X-RateLimit-Bucket"),
            int.TryParse(Header(headers, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining) ? remaining : null,
            double.TryParse(Header(headers, "X-RateLimit-Reset-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var resetAfter) ? resetAfter : null);
    }

    internal static (TimeSpan RetryAfter, bool Global) ParseRateLimit(HttpResponseHeaders? headers, string body)
    {
        double? seconds = null;
        var global = headers is not null && string.Equals(Header(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase);
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.TryGetProperty("retry_after", out var r) && r.TryGetDouble(out var value))
            {
                seconds = value;
            }

            if (doc.RootElement.TryGetProperty("global", out var g) && g.ValueKind == JsonValueKind.True)
            {
                global = true;
            }
        }
        catch (JsonException)
        {
            // Not JSON: probably a Cloudflare block page. Fall back to headers.
        }

        if (seconds is null && headers is not null &&
            double.TryParse(Header(headers, "Retry-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var header))
        {
            seconds = header;
        }

        // No hint at all: a Cloudflare block is likely, so back off for a while rather than hammering.
        return (TimeSpan.FromSeconds(Math.Clamp(seconds ?? 60, 0, 3600)), global);
    }

    private static bool IsSharedScope(HttpResponseHeaders? headers) =>
        headers is not null && string.Equals(Header(headers, "X-RateLimit-Scope"), "shared", StringComparison.OrdinalIgnoreCase);

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(250 * (1 << Math.Min(attempt, 6)));
}
