using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AlertBot.Core.Storage;
using AlertBot.Telegram.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace AlertBot.Telegram.Adapter;

/// <summary>
/// Webhook mode (instead of <see cref="TelegramPoller"/>): a small Kestrel endpoint that checks the
/// secret-token header in constant time, handles updates one at a time (setWebhook max_connections=1
/// keeps them in order), and skips update ids it has already handled, since Telegram redelivers any
/// update that did not get a 2xx answer.
/// </summary>
public sealed class TelegramWebhookService(
    BotApiClient client,
    TelegramUpdateHandler handler,
    TelegramStartup startup,
    IPlatformStateStore state,
    IOptions<TelegramOptions> options,
    ILogger<TelegramWebhookService> logger) : BackgroundService
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    public const string LastUpdateKey = "webhook_last_update_id";

    private readonly TaskCompletionSource<User> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;

    /// <summary>The addresses the endpoint listens on, once started (tests bind port 0).</summary>
    public IReadOnlyList<string> ListeningUrls => _app?.Urls.ToList() ?? [];

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var hook = options.Value.Webhook;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(hook.ListenUrl);
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost(hook.Url!.AbsolutePath, (Func<HttpContext, Task<IResult>>)ReceiveAsync);
        await _app.StartAsync(cancellationToken);
        logger.LogInformation("Telegram webhook endpoint listening on {Urls} at {Path}", string.Join(", ", _app.Urls), hook.Url.AbsolutePath);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hook = options.Value.Webhook;
        var me = await startup.ConnectAsync(
            ct => client.SetWebhook(hook.Url!.AbsoluteUri, maxConnections: 1, allowedUpdates: TelegramUpdateHandler.AllowedUpdates,
                secretToken: hook.SecretToken, cancellationToken: ct),
            TelegramConnectionState.WebhookSet, stoppingToken);
        if (me is not null) _ready.TrySetResult(me);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await base.StopAsync(cancellationToken);
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
            await _app.DisposeAsync();
        }
    }

    public override void Dispose()
    {
        _oneAtATime.Dispose();
        _stopping.Dispose();
        base.Dispose();
    }

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        if (!SecretMatches(context.Request.Headers[SecretHeader].ToString())) return Results.Unauthorized();

        JsonElement raw;
        try
        {
            raw = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            // Answering an error would make Telegram resend the same garbage forever.
            logger.LogWarning("Ignoring a webhook request whose body is not JSON");
            return Results.Ok();
        }
        if (!TelegramPoller.TryGetUpdateId(raw, out var updateId))
        {
            logger.LogWarning("Ignoring a webhook update without a numeric update_id");
            return Results.Ok();
        }

        var me = await _ready.Task.WaitAsync(context.RequestAborted);
        var stopping = _stopping.Token;
        await _oneAtATime.WaitAsync(context.RequestAborted);
        try
        {
            var last = await state.GetAsync(TelegramPlatform.PlatformName, LastUpdateKey, stopping);
            if (long.TryParse(last, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var lastId) && updateId <= lastId)
                return Results.Ok(); // a redelivery of something already handled
            if (!await handler.HandleRawAsync(raw, updateId, me.Username, stopping))
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable); // Telegram will redeliver it
            await state.SetAsync(TelegramPlatform.PlatformName, LastUpdateKey, updateId.ToString(CultureInfo.InvariantCulture), CancellationToken.None);
            return Results.Ok();
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private bool SecretMatches(string received)
    {
        var expected = Encoding.UTF8.GetBytes(options.Value.Webhook.SecretToken);
        var actual = Encoding.UTF8.GetBytes(received);
        return expected.Length > 0 && CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
