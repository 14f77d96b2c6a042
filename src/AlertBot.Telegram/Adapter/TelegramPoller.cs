using System.Globalization;
using System.Text.Json;
using AlertBot.Core.Storage;
using AlertBot.Telegram.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace AlertBot.Telegram.Adapter;

/// <summary>
/// The receiving half of Telegram: long-polls getUpdates and hands each update to
/// <see cref="TelegramUpdateHandler"/>. The offset is stored (via <see cref="IPlatformStateStore"/>)
/// only after an update has been handled, so a restart neither loses nor repeats a command.
/// </summary>
public sealed class TelegramPoller(
    BotApiClient client,
    TelegramUpdateHandler handler,
    TelegramStartup startup,
    TelegramConnection connection,
    IPlatformStateStore state,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramPoller> logger) : BackgroundService
{
    public const string OffsetKey = "update_offset";
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A leftover webhook would make every getUpdates answer 409; pending updates are kept.
        var me = await startup.ConnectAsync(
            ct => client.DeleteWebhook(dropPendingUpdates: false, ct), TelegramConnectionState.Polling, stoppingToken);
        if (me is null) return;
        logger.LogInformation("Telegram bot @{BotUsername} is polling for updates", me.Username);

        var offset = await LoadOffsetAsync(stoppingToken);
        var backoff = TimeSpan.FromSeconds(1);
        var conflicts = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            JsonElement[] updates;
            try
            {
                updates = await client.SendRequest(new GetRawUpdatesRequest
                {
                    Offset = offset is { } next ? (int)next : null,
                    Limit = 100,
                    Timeout = options.Value.PollTimeoutSeconds,
                    AllowedUpdates = TelegramUpdateHandler.AllowedUpdates,
                }, stoppingToken);
                backoff = TimeSpan.FromSeconds(1);
                conflicts = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ApiRequestException) when (connection.IsStopped)
            {
                return; // the token was rejected: TelegramConnection has said so, and nothing is retried
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 409)
            {
                conflicts++;
                logger.LogError("Telegram getUpdates answered 409 Conflict ({Count} in a row): another process is polling with this bot token, or a webhook is set. Stop the other instance or delete the webhook. Telegram said: {Description}",
                    conflicts, ex.Message);
                if (!await DelayAsync(TimeSpan.FromSeconds(Math.Min(2 * conflicts, 60)), stoppingToken)) return;
                continue;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Telegram getUpdates failed; polling again in {Backoff}", backoff);
                if (!await DelayAsync(backoff, stoppingToken)) return;
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                continue;
            }

            var before = offset;
            foreach (var raw in updates)
            {
                if (!TryGetUpdateId(raw, out var updateId))
                {
                    logger.LogWarning("Ignoring a Telegram update without a numeric update_id");
                    continue;
                }
                if (offset is { } o && updateId < o) continue; // already handled before a restart
                if (!await handler.HandleRawAsync(raw, updateId, me.Username, stoppingToken)) return;
                offset = updateId + 1;
                await state.SetAsync(TelegramPlatform.PlatformName, OffsetKey, offset.Value.ToString(CultureInfo.InvariantCulture), CancellationToken.None);
            }
            // A batch that moved nothing forward (only unreadable updates) must not turn into a busy loop.
            if (updates.Length > 0 && offset == before && !await DelayAsync(backoff, stoppingToken)) return;
        }
    }

    private async Task<long?> LoadOffsetAsync(CancellationToken cancellationToken)
    {
        var stored = await state.GetAsync(TelegramPlatform.PlatformName, OffsetKey, cancellationToken);
        return long.TryParse(stored, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    internal static bool TryGetUpdateId(JsonElement raw, out long updateId)
    {
        updateId = 0;
        return raw.ValueKind == JsonValueKind.Object
            && raw.TryGetProperty("update_id", out var id)
            && id.ValueKind == JsonValueKind.Number
            && id.TryGetInt64(out updateId);
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
