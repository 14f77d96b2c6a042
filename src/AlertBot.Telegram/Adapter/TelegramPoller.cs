using System.Globalization;
using System.Text.Json;
using AlertBot.Core.Storage;
using AlertBot.Telegram.Client;
using AlertBot.Telegram.Client.Requests;
using AlertBot.Telegram.Client.Types;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertBot.Telegram.Adapter;

/// <summary>
/// The receiving half of Telegram: long-polls getUpdates and hands each update to
/// <see cref="TelegramUpdateHandler"/>. The offset is stored (via <see cref="IPlatformStateStore"/>)
/// only after an update has been handled, so a restart neither loses nor repeats a command.
/// </summary>
public sealed class TelegramPoller(
    TelegramClient client,
    TelegramUpdateHandler handler,
    CommandMenuPublisher menu,
    IPlatformStateStore state,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramPoller> logger) : BackgroundService
{
    public const string OffsetKey = "update_offset";
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly string[] AllowedUpdates = ["message", "channel_post", "callback_query", "my_chat_member"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var me = await StartupAsync(stoppingToken);
        if (me is null) return;
        logger.LogInformation("Telegram bot @{BotUsername} is polling for updates", me.Username);

        var offset = await LoadOffsetAsync(stoppingToken);
        var backoff = TimeSpan.FromSeconds(1);
        var conflicts = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<JsonElement> updates;
            try
            {
                updates = await client.SendRequestAsync(new GetUpdatesRequest(offset, 100, options.Value.PollTimeoutSeconds, AllowedUpdates), stoppingToken);
                backoff = TimeSpan.FromSeconds(1);
                conflicts = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (TelegramApiException ex) when (ex.IsConflict)
            {
                conflicts++;
                logger.LogError("Telegram getUpdates answered 409 Conflict ({Count} in a row): another process is polling with this bot token, or a webhook is set. Stop the other instance or delete the webhook. Telegram said: {Description}",
                    conflicts, ex.Description);
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
                if (!await HandleOneAsync(raw, updateId, me.Username, stoppingToken)) return;
                offset = updateId + 1;
                await state.SetAsync(TelegramPlatform.PlatformName, OffsetKey, offset.Value.ToString(CultureInfo.InvariantCulture), CancellationToken.None);
            }
            // A batch that moved nothing forward (only unreadable updates) must not turn into a busy loop.
            if (updates.Count > 0 && offset == before && !await DelayAsync(backoff, stoppingToken)) return;
        }
    }

    /// <summary>Handles one update in isolation. False only when shutting down mid-update: then its offset is not stored and it comes back after a restart.</summary>
    private async Task<bool> HandleOneAsync(JsonElement raw, long updateId, string? botUsername, CancellationToken stoppingToken)
    {
        try
        {
            var update = raw.Deserialize<Update>(TelegramJson.Options);
            if (update is not null) await handler.HandleAsync(update, botUsername, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
        catch (JsonException ex)
        {
            logger.LogWarning("Ignoring malformed Telegram update {UpdateId}: {Error}", updateId, ex.Message);
        }
        catch (Exception ex)
        {
            // One bad update must not block the queue: it is logged and skipped (dead-lettered).
            logger.LogError(ex, "Handling Telegram update {UpdateId} failed; skipping it", updateId);
        }
        return true;
    }

    /// <summary>getMe (the username tells our commands from other bots'), then best-effort webhook removal and command menu.</summary>
    private async Task<User?> StartupAsync(CancellationToken stoppingToken)
    {
        User me;
        var backoff = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                me = await client.SendRequestAsync(new GetMeRequest(), stoppingToken);
                break;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return null;
            }
            catch (TelegramApiException ex) when (ex.ErrorCode is 401 or 404)
            {
                // A start-up failure: stop the host with a message that says what to fix (the token itself is masked).
                throw new InvalidOperationException($"Telegram rejected the bot token ({ex.ErrorCode} {ex.Description}). Check ALERTBOT__TELEGRAM__TOKEN (from @BotFather).");
            }
            catch (Exception ex) when (ex is TelegramApiException or TelegramNetworkException)
            {
                logger.LogWarning(ex, "Telegram getMe failed; retrying in {Backoff}", backoff);
                if (!await DelayAsync(backoff, stoppingToken)) return null;
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }

        try
        {
            await client.SendRequestAsync(new DeleteWebhookRequest(DropPendingUpdates: false), stoppingToken);
            await menu.PublishAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is TelegramApiException or TelegramNetworkException)
        {
            logger.LogWarning(ex, "Telegram start-up call failed (webhook removal or command menu); polling anyway");
        }
        return me;
    }

    private async Task<long?> LoadOffsetAsync(CancellationToken cancellationToken)
    {
        var stored = await state.GetAsync(TelegramPlatform.PlatformName, OffsetKey, cancellationToken);
        return long.TryParse(stored, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static bool TryGetUpdateId(JsonElement raw, out long updateId)
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
