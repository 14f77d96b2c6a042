using AlertBot.Core.Delivery;
using AlertBot.Core.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Exceptions;

namespace AlertBot.Telegram.Adapter;

/// <summary>
/// Where the Telegram platform stands: connecting, receiving updates (polling, or the webhook set), or
/// stopped for good because Telegram rejected the bot token. A rejected token is final for this process:
/// no call goes to Telegram afterwards, and when Telegram was the only chat platform the bot exits with code 1.
/// </summary>
public sealed class TelegramConnection(IServiceProvider services, ILogger<TelegramConnection> logger) : IPlatformReadiness
{
    private readonly Lock _lock = new();

    public TelegramConnectionState State { get; private set; } = TelegramConnectionState.Connecting;

    /// <summary>Why the platform stopped, without the token; null while it runs.</summary>
    public string? StopReason { get; private set; }

    public bool IsStopped => State == TelegramConnectionState.Stopped;

    string IPlatformReadiness.Platform => TelegramPlatform.PlatformName;

    public string? NotReadyReason => State switch
    {
        TelegramConnectionState.Polling or TelegramConnectionState.WebhookSet => null,
        TelegramConnectionState.Stopped => "stopped: " + StopReason,
        _ => "not connected yet (getMe and polling or webhook set-up not done)",
    };

    /// <summary>The error every call gets once the token was rejected, so none of them reaches Telegram again.</summary>
    internal ApiRequestException? Rejection { get; private set; }

    public void Receiving(TelegramConnectionState mode)
    {
        lock (_lock)
            if (!IsStopped) State = mode;
    }

    /// <summary>Telegram answered 401 (or 404 to getMe): the token is wrong or was revoked. Reported once.</summary>
    public void TokenRejected(ApiRequestException rejection)
    {
        lock (_lock)
        {
            if (IsStopped) return;
            State = TelegramConnectionState.Stopped;
            Rejection = rejection;
            // The description comes from Telegram through the masking parser: it never holds the token.
            StopReason = $"Telegram rejected the bot token ({rejection.ErrorCode} {rejection.Message}); check ALERTBOT__TELEGRAM__TOKEN (from @BotFather)";
        }
        logger.LogCritical("Telegram stopped: {Reason}", StopReason);
        var others = services.GetServices<IChatPlatform>().Any(p => p.Name is not (TelegramPlatform.PlatformName or "console"));
        if (others) return;
        Environment.ExitCode = 1;
        services.GetService<IHostApplicationLifetime>()?.StopApplication();
    }
}
