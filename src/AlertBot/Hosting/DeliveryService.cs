using AlertBot.Core.Delivery;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertBot.Hosting;

/// <summary>Drains the outbox: right after a check wrote rows, and every few seconds for retries.</summary>
public sealed class DeliveryService(OutboxDispatcher dispatcher, OutboxSignal signal, IOptions<DeliveryOptions> options, ILogger<DeliveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.DeliverDueAsync(stoppingToken);
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unavailable; the loop must outlive that.
                logger.LogError(ex, "Delivery round failed");
                await Task.Delay(poll, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
