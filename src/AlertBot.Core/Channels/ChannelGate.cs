using AlertBot.Core.Storage;

namespace AlertBot.Core.Channels;

/// <summary>
/// Stands between the outbox and the platforms: applies each channel's settings to a due row. A row
/// that must wait is held (its due time moves, it is never dropped); a held digest whose time came
/// is gathered with every other held row of the chat that is due, so digest times that passed while
/// the bot was down go out once, as one message. The gate sees only rows this process claimed
/// (<see cref="ClaimOwner"/>), and the rows a digest gathers are claimed the same way, so two processes
/// never gate, send or hold the same row.
/// </summary>
/// <remarks>
/// Scheduling: no Quartz trigger per digest time and no separate digest job. A held alert is an outbox
/// row due at its digest time, so the delivery loop that already polls the outbox (and survives
/// restarts, since the due time is in the database) is the one job that finds due channels. Per-channel
/// triggers would be a second copy of the schedule to rebuild at start and keep in step with every
/// <c>/channel set</c>; here changing a setting needs no rescheduling at all.
/// </remarks>
public sealed class ChannelGate(
    ChannelSettingsStore settingsStore,
    HeldAlertStore held,
    OutboxStore outbox,
    ClaimOwner owner,
    TimeProvider time)
{
    /// <summary>Starts a pass over one chat's claimed rows: reads once what their plans need beyond each row.</summary>
    /// <param name="defaultMaxPerHour">The hourly cap of a channel that set none.</param>
    /// <param name="lease">How long claims on the rows a digest gathers last.</param>
    public async Task<GatePass> BeginAsync(IReadOnlyList<OutboxRecord> rows, int defaultMaxPerHour, TimeSpan lease, CancellationToken ct) =>
        new(defaultMaxPerHour, lease, await held.DigestSubscriptionsAsync(rows.Select(r => r.SubscriptionId).OfType<long>(), ct));

    /// <param name="row">A due row this process claimed.</param>
    /// <param name="pass">From <see cref="BeginAsync"/> over the claimed rows this one is part of.</param>
    public async Task<DeliveryPlan> PlanAsync(OutboxRecord row, GatePass pass, CancellationToken ct)
    {
        var target = new ChatTarget(row.Platform, row.ChatId);
        var settings = await settingsStore.GetAsync(target, ct);
        var now = time.GetUtcNow();
        var leaseUntil = now + pass.Lease;

        if (HeldBatch.IsHeld(row.Batch))
        {
            var due = await held.ClaimDueHeldAsync(owner.Id, target, now, leaseUntil, ct);
            if (!settings.Paused) return new DeliveryPlan.Digest(due, settings);
            // Paused after these rows were held: they wait for the resume with the rest.
            var paused = new ScheduleDecision(HoldReason.Paused, null);
            await held.HoldAsync(due.Select(r => r.Id), HeldBatch.Paused, HeldBatch.Never, ct);
            return new DeliveryPlan.Held(paused);
        }

        var rows = row.Batch is null ? [row] : await outbox.ClaimBatchAsync(owner.Id, row.Batch, target, now, leaseUntil, ct);
        var sends = await held.SendsSinceAsync(target, DeliverySchedule.HourStart(settings, now), ct);
        var wantsDigest = row.SubscriptionId is { } subscription && pass.DigestSubscriptions.Contains(subscription);
        var decision = DeliverySchedule.Decide(settings, now, sends, pass.DefaultMaxPerHour, wantsDigest);
        if (decision.IsNow)
            return row.Batch is null ? new DeliveryPlan.Alert(row, settings) : new DeliveryPlan.Digest(rows, settings);

        var batch = decision.Until is { } until ? HeldBatch.Until(until) : HeldBatch.Paused;
        await held.HoldAsync(rows.Select(r => r.Id), batch, decision.Until ?? HeldBatch.Never, ct);
        return new DeliveryPlan.Held(decision);
    }
}
