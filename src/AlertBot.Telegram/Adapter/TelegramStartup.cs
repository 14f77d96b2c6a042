using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using AlertBot.Telegram.Client;

namespace AlertBot.Telegram.Adapter;

/// <summary>
/// What both receivers (poller, webhook) do first: getMe (its username tells our commands from other
/// bots'), then set up receiving, then publish the command menu.
/// </summary>
public sealed class TelegramStartup(BotApiClient client, CommandMenuPublisher menu, TelegramConnection connection, TimeProvider time, ILogger<TelegramStartup> logger)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <returns>
    /// The bot user, or null when stopped before Telegram could be reached or when Telegram rejected the
    /// token (then <see cref="TelegramConnection"/> has said so once, and stopped the bot if it was its only platform).
    /// </returns>
    public async Task<User?> ConnectAsync(Func<CancellationToken, Task> prepareReceiving, TelegramConnectionState receiving, CancellationToken stoppingToken)
    {
        var me = await GetMeAsync(stoppingToken);
        if (me is null) return null;
        try
        {
            await prepareReceiving(stoppingToken);
            connection.Receiving(receiving);
        }
        catch (ApiRequestException) when (connection.IsStopped)
        {
            return null;
        }
        catch (RequestException ex)
        {
            logger.LogError(ex, "Telegram could not be set up to deliver updates; commands may not arrive");
        }
        try
        {
            await menu.PublishAsync(stoppingToken);
        }
        catch (ApiRequestException) when (connection.IsStopped)
        {
            return null;
        }
        catch (RequestException ex)
        {
            // Some Bot API emulators answer methods they lack with an error: the menu is a hint, never a reason to stop.
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
                return await client.GetMe(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return null;
            }
            catch (ApiRequestException) when (connection.IsStopped)
            {
                return null;
            }
            catch (RequestException ex)
            {
                logger.LogWarning(ex, "Telegram getMe failed; retrying in {Backoff}", backoff);
                try { await Task.Delay(backoff, time, stoppingToken); }
                catch (OperationCanceledException) { return null; }
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }
}
