using AlertBot.Core.Health;
using AlertBot.Telegram.Adapter;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;
using Telegram.Bot.Requests.Abstractions;

namespace AlertBot.Telegram.Client;

/// <summary>
/// Telegram.Bot's <see cref="TelegramBotClient"/> with what the library leaves to us, in its one seam
/// (<see cref="SendRequest{TResponse}"/>): per-chat and global send-rate limits, 429s waited out through
/// the rate limiter (the library's own retry is off), a timeout per call (longer for the long poll),
/// a rejected token stopping the platform, and the token masked out of every error.
/// </summary>
public sealed class BotApiClient : TelegramBotClient
{
    /// <summary>Named HttpClient; registered with its loggers removed, because they would log the URL and so the token.</summary>
    public const string HttpClientName = "AlertBot.Telegram";
    private const int MaxAttempts = 3;

    private readonly TelegramOptions _options;
    private readonly SendRateLimiter _limiter;
    private readonly TelegramConnection _connection;
    private readonly TimeProvider _time;
    private readonly ILogger<BotApiClient> _logger;
    private readonly BotMetrics? _metrics;

    public BotApiClient(IHttpClientFactory httpFactory, IOptions<TelegramOptions> options, SendRateLimiter limiter,
        TelegramConnection connection, TimeProvider time, ILogger<BotApiClient> logger, BotMetrics? metrics = null)
        : base(LibraryOptions(options.Value), httpFactory.CreateClient(HttpClientName))
    {
        _options = options.Value;
        _limiter = limiter;
        _connection = connection;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        Masker = new TokenMasker(_options.Token);
        ExceptionsParser = new MaskingExceptionParser(Masker);
    }

    public TokenMasker Masker { get; }

    public override async Task<TResponse> SendRequest<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_connection.Rejection is { } rejected) throw rejected;
        var chatId = request is SendMessageRequest { ChatId.Identifier: { } id } ? id : (long?)null;
        for (var attempt = 1; ; attempt++)
        {
            if (chatId is { } limited) await _limiter.WaitAsync(limited, cancellationToken);
            try
            {
                return await SendOnceAsync(request, cancellationToken);
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 429 && attempt < MaxAttempts
                && ex.Parameters?.RetryAfter is { } seconds && seconds <= _options.MaxRetryAfterSeconds)
            {
                var wait = TimeSpan.FromSeconds(seconds);
                _metrics?.RateLimitWait(TelegramPlatform.PlatformName);
                _logger.LogWarning("Telegram {Method} rate limited (attempt {Attempt}); waiting {RetryAfter}s before retrying", request.MethodName, attempt, seconds);
                if (chatId is { } paused) _limiter.Pause(paused, wait);
                else await Task.Delay(wait, _time, cancellationToken);
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 401 || (ex.ErrorCode == 404 && request is GetMeRequest))
            {
                // 404 to getMe is Telegram's answer to a token that names no bot; elsewhere 404 may be an emulator's unknown method.
                _connection.TokenRejected(ex);
                throw;
            }
        }
    }

    private async Task<TResponse> SendOnceAsync<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The long poll must outlive its own timeout; the named HttpClient has none (TelegramSetup), so this one governs.
        timeout.CancelAfter(request is GetRawUpdatesRequest { Timeout: { } poll }
            ? TimeSpan.FromSeconds(poll + 15)
            : TimeSpan.FromSeconds(_options.RequestTimeoutSeconds));
        try
        {
            return await base.SendRequest(request, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RequestException($"Telegram {request.MethodName} timed out.");
        }
        catch (RequestException ex) when (ex is not ApiRequestException && Leaks(ex))
        {
            // Inner exceptions are dropped when anything in their chain quotes the token (a URL in a message).
            throw new RequestException($"Telegram {request.MethodName} failed: {Masker.Apply(ex.Message)}");
        }
    }

    private bool Leaks(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
            if (Masker.Contains(e.Message)) return true;
        return false;
    }

    // The options validator rejects a bad token or base URL at start-up; until then the library must not
    // throw from a constructor, or the precise configuration message would be lost behind its own.
    private static TelegramBotClientOptions LibraryOptions(TelegramOptions options)
    {
        var colon = options.Token.IndexOf(':', StringComparison.Ordinal);
        var tokenUsable = colon is >= 1 and <= 16 && long.TryParse(options.Token.AsSpan(0, colon), out _);
        var baseUrl = options.BaseUrl is { IsAbsoluteUri: true } url ? url.GetLeftPart(UriPartial.Authority) : null;
        return new TelegramBotClientOptions(tokenUsable ? options.Token : "0:not-configured", baseUrl) { RetryThreshold = 0 };
    }
}
