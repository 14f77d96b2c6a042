using AlertBot.Telegram.Client;
using AlertBot.Telegram.Client.Requests;
using AlertBot.Telegram.Client.Types;
using Microsoft.Extensions.Logging;

namespace AlertBot.Telegram.Adapter;

/// <summary>
/// What both receivers (poller, webhook) do first: getMe (its username tells our commands from other
/// bots'), then set up receiving, then publish the command menu.
/// </summary>
public sealed class TelegramStartup(TelegramClient client, CommandMenuPublisher menu, TimeProvider time, ILogger<TelegramStartup> logger)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <returns>The bot user, or null when stopped before Telegram could be reached.</returns>
    /// <exception cref="InvalidOperationException">Telegram rejected the token: a start-up failure that names what to fix.</exception>
    public async Task<User?> ConnectAsync(Func<CancellationToken, Task> prepareReceiving, CancellationToken stoppingToken)
    {
        var me = await GetMeAsync(stoppingToken);
        if (me is null) return null;
        try
        {
            await prepareReceiving(stoppingToken);
        }
        catch (Exception ex) when (ex is TelegramApiException or TelegramNetworkException)
        {
            logger.LogError(ex, "Telegram could not be set up to deliver updates; commands may not arrive");
        }
        try
        {
            await menu.PublishAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is TelegramApiException or TelegramNetworkException)
        {
            logger.LogWarning(ex, "Publishing the Telegram command menu failed; commands still work when typed");
        }
        return me;
    }

    private async Task<User?> GetMeAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                return await client.SendRequestAsync(new GetMeRequest(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return null;
            }
            catch (TelegramApiException ex) when (ex.ErrorCode is 401 or 404)
            {
                // The description is already masked; the token never appears here.
                throw new InvalidOperationException($"Telegram rejected the bot token ({ex.ErrorCode} {ex.Description}). Check ALERTBOT__TELEGRAM__TOKEN (from @BotFather).");
            }
            catch (Exception ex) when (ex is TelegramApiException or TelegramNetworkException)
            {
                logger.LogWarning(ex, "Telegram getMe failed; retrying in {Backoff}", backoff);
                try { await Task.Delay(backoff, time, stoppingToken); }
                catch (OperationCanceledException) { return null; }
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }
}
