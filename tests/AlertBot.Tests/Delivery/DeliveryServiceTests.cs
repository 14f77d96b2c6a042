using AlertBot.Core.Delivery;
using AlertBot.Core.Storage;
using AlertBot.Hosting;
using AlertBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AlertBot.Tests.Delivery;

/// <summary>The <c>run</c> verb's delivery loop.</summary>
public sealed class DeliveryServiceTests
{
    private const int Backlog = 1000;

    [Fact]
    public async Task The_delivery_loop_drains_a_backlog_of_a_thousand_alerts_without_waiting_for_its_next_poll()
    {
        using var rig = await ChannelRig.CreateAsync(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await rig.AlertAsync(Backlog);
        // The hourly cap of a channel that sets none is lifted, so every alert goes out alone.
        var options = new DeliveryOptions { BurstCap = Backlog, PollSeconds = 3600 };
        using var signal = new OutboxSignal();
        using var service = new DeliveryService(Dispatchers.Create(rig.Db, rig.Matcher, [rig.Platform], options), signal,
            Options.Create(options), NullLogger<DeliveryService>.Instance);

        await service.StartAsync(default);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        // Claimed 100 rows at a time: the loop goes round again at once while rows are due, not after its hour-long poll.
        while (rig.Platform.Alerts.Count < Backlog && waited.Elapsed < TimeSpan.FromMinutes(2)) await Task.Delay(50);
        await service.StopAsync(default);

        Assert.Equal(Backlog, rig.Platform.Alerts.Count);
        Assert.Equal(Backlog, rig.Platform.Alerts.Select(a => a.OutboxId).Distinct().Count());
        Assert.Equal(Backlog, await rig.CountAsync(OutboxStatus.Sent));
    }
}
