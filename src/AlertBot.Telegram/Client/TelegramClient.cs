using System.Net.Http.Json;
using System.Text.Json;
using AlertBot.Telegram.Client.Requests;
using AlertBot.Telegram.Client.Types;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertBot.Telegram.Client;

/// <summary>
/// The one path every Bot API call takes: rate limiting for chat messages, JSON in, envelope out,
/// typed errors, 429s waited out and retried here, and the token masked in everything that can leave.
/// </summary>
public sealed class TelegramClient
{
    /// <summary>Named HttpClient; registered with its loggers removed, because they would log the URL and so the token.</summary>
    public const string HttpClientName = "AlertBot.Telegram";
    private const int MaxAttempts = 3;

    private readonly IHttpClientFactory _httpFactory;
    private readonly TelegramOptions _options;
    private readonly SendRateLimiter _limiter;
    private readonly TimeProvider _time;
    private readonly ILogger<TelegramClient> _logger;

    public TelegramClient(IHttpClientFactory httpFactory, IOptions<TelegramOptions> options, SendRateLimiter limiter, TimeProvider time, ILogger<TelegramClient> logger)
    {
        _httpFactory = httpFactory;
        _options = options.Value;
        _limiter = limiter;
        _time = time;
        _logger = logger;
        Masker = new TokenMasker(_options.Token);
    }

    public TokenMasker Masker { get; }

    public async Task<TResult> SendRequestAsync<TResult>(TelegramRequest<TResult> request, CancellationToken cancellationToken)
    {
        var chatId = (request as IChatMessageRequest)?.ChatId;
        for (var attempt = 1; ; attempt++)
        {
            if (chatId is { } id) await _limiter.WaitAsync(id, cancellationToken);
            try
            {
                return await SendOnceAsync(request, cancellationToken);
            }
            catch (TelegramApiException ex) when (ex.IsRateLimited && attempt < MaxAttempts
                && ex.RetryAfterSeconds is { } seconds && seconds <= _options.MaxRetryAfterSeconds)
            {
                var wait = TimeSpan.FromSeconds(seconds);
                _logger.LogWarning("Telegram {Method} rate limited (attempt {Attempt}); waiting {RetryAfter}s before retrying", request.MethodName, attempt, seconds);
                if (chatId is { } paused) _limiter.Pause(paused, wait);
                else await Task.Delay(wait, _time, cancellationToken);
            }
        }
    }

    private async Task<TResult> SendOnceAsync<TResult>(TelegramRequest<TResult> request, CancellationToken cancellationToken)
    {
        var method = request.MethodName;
        // Concatenated, not resolved relative to BaseUrl: "bot123:abc/..." would parse as a URI with scheme "bot123".
        var url = new Uri($"{_options.BaseUrl.AbsoluteUri.TrimEnd('/')}/bot{_options.Token}/{method}");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(request.HttpTimeout() ?? TimeSpan.FromSeconds(_options.RequestTimeoutSeconds));

        string body;
        int status;
        try
        {
            // The named client has an infinite Timeout (TelegramSetup): the per-request timeout above governs.
            var http = _httpFactory.CreateClient(HttpClientName);
            using var content = JsonContent.Create(request, request.GetType(), options: TelegramJson.Options);
            using var response = await http.PostAsync(url, content, timeout.Token);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            throw new TelegramNetworkException($"Telegram {method} timed out.");
        }
        catch (HttpRequestException ex)
        {
            throw Network(method, ex);
        }

        ApiResponse<TResult>? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<ApiResponse<TResult>>(body, TelegramJson.Options);
        }
        catch (JsonException ex)
        {
            throw new TelegramNetworkException($"Telegram {method} answered HTTP {status} with a body that is not a Bot API envelope: {Masker.Apply(ex.Message)}");
        }
        if (envelope is null)
            throw new TelegramNetworkException($"Telegram {method} answered HTTP {status} with an empty body.");
        if (!envelope.Ok)
        {
            throw new TelegramApiException(method, envelope.ErrorCode ?? status, Masker.Apply(envelope.Description ?? "(no description)"),
                envelope.Parameters?.RetryAfter, envelope.Parameters?.MigrateToChatId);
        }
        if (envelope.Result is null && default(TResult) is null)
            throw new TelegramNetworkException($"Telegram {method} answered ok without a result.");
        return envelope.Result!;
    }

    // Inner exceptions are kept only when nothing in their chain quotes the token.
    private TelegramNetworkException Network(string method, Exception ex)
    {
        var leaks = false;
        for (var e = ex; e is not null; e = e.InnerException) leaks |= Masker.Contains(e.Message);
        return new TelegramNetworkException($"Telegram {method} failed: {Masker.Apply(ex.Message)}", leaks ? null : ex);
    }
}
