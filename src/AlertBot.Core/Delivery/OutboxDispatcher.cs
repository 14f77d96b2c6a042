using System.Collections.Concurrent;
using AlertBot.Core.Channels;
using AlertBot.Core.Chats;
using AlertBot.Core.Health;
using AlertBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertBot.Core.Delivery;

/// <summary>
/// Sends due outbox rows through their platform and records what the platform said. Rows are claimed for this
/// process (<see cref="ClaimOwner"/>) before anything is sent and the claim is renewed right before each send,
/// so two processes on one database never send the same row. Each claimed row goes through the channel's gate
/// (<see cref="ChannelGate"/>): it is sent now, alone or in a digest whose rows are claimed too, or held for later.
/// A row is marked sent only after the platform accepted it; each row is isolated, so one failing target never
/// holds up the others.
/// </summary>
public sealed class OutboxDispatcher(
    OutboxStore outbox,
    ChatLifecycle chats,
    AlertComposer composer,
    DigestComposer digestComposer,
    ChannelGate gate,
    StoryEdits edits,
    TargetLossNotifier lossNotifier,
    IEnumerable<IChatPlatform> platforms,
    IOptions<DeliveryOptions> options,
    ClaimOwner owner,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger,
    BotMetrics? metrics = null)
{
    private readonly Dictionary<string, IChatPlatform> _platforms = platforms.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    private TimeSpan Lease => TimeSpan.FromSeconds(options.Value.ClaimLeaseSeconds);

    /// <returns>How many rows were delivered.</returns>
    public async Task<int> DeliverDueAsync(CancellationToken ct) => (await DeliverAllDueAsync(ct)).Values.Sum();

    /// <summary>
    /// Claims and sends due rows, round after round, until nothing is due for the platforms running in this
    /// process (and able to send). Chats are served in parallel (<see cref="DeliveryOptions.Parallelism"/>), each chat's rows in
    /// order, so a backlog drains at the platforms' own rate limits. A row that failed in this pass waits for
    /// its backoff and the next pass instead of being retried at once.
    /// </summary>
    /// <returns>Rows delivered per platform (platforms that delivered nothing are absent).</returns>
    public async Task<IReadOnlyDictionary<string, int>> DeliverAllDueAsync(CancellationToken ct)
    {
        var delivered = new ConcurrentDictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var retried = new ConcurrentDictionary<long, byte>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = ct };
        while (true)
        {
            var now = time.GetUtcNow();
            var until = now + Lease;
            // A platform not running in this process (no token configured), or unable to send, keeps its rows for later.
            var running = _platforms.Values.Where(p => p.IsAvailable).Select(p => p.Name).ToList();
            var claimed = await outbox.ClaimDueAsync(owner.Id, running, now, until, options.Value.ClaimBatch, ct);
            var again = claimed.Where(r => retried.ContainsKey(r.Id)).Select(r => r.Id).ToList();
            await outbox.ReleaseClaimAsync(owner.Id, again, ct);
            var fresh = claimed.Where(r => !retried.ContainsKey(r.Id)).ToList();
            if (fresh.Count == 0) return delivered;

            await Parallel.ForEachAsync(fresh.GroupBy(r => new ChatTarget(r.Platform, r.ChatId)), parallel, async (group, token) =>
            {
                var sent = await DeliverToTargetAsync(group.Key, [.. group], until, retried, token);
                if (sent > 0) delivered.AddOrUpdate(group.Key.Platform, sent, (_, total) => total + sent);
            });
        }
    }

    /// <summary>One chat's claimed rows, in order. Stops at a target that is gone or moved and gives the rest back.</summary>
    /// <param name="claimedUntil">When the claim on <paramref name="rows"/> runs out.</param>
    private async Task<int> DeliverToTargetAsync(
        ChatTarget target, IReadOnlyList<OutboxRecord> rows, DateTimeOffset claimedUntil, ConcurrentDictionary<long, byte> retried, CancellationToken ct)
    {
        var platform = _platforms[target.Platform];
        var pass = await gate.BeginAsync(rows, options.Value.BurstCap, Lease, ct);
        // Alerts are composed once the gate lets the first one through, for it and the plain rows after it in one
        // read: a chat whose alerts are all held (paused, quiet hours, digest mode) composes nothing.
        IReadOnlyDictionary<long, AlertMessage>? alerts = null;
        var handled = new HashSet<long>();
        var delivered = 0;
        foreach (var row in rows)
        {
            if (!handled.Add(row.Id)) continue;
            // The gate deals with a whole digest at once (a burst's batch, or every held row of the chat): the
            // other rows of it this process claimed are done with whatever the plan was.
            if (row.Notice is null && row.Batch is { } batch)
                handled.UnionWith(rows.Where(r => HeldBatch.IsHeld(batch) ? HeldBatch.IsHeld(r.Batch) : r.Batch == batch).Select(r => r.Id));
            IReadOnlyList<OutboxRecord> carried = [row];
            try
            {
                (int Delivered, Outcome Outcome) sent;
                if (row.Notice is { } notice)
                {
                    if (!await RenewAsync(row, claimedUntil, ct)) continue;
                    sent = await DeliverNoticeAsync(platform, target, row, notice, ct);
                }
                // Another report of a story the target was alerted to: its alert is edited (an edit notifies nobody, so no gate).
                else if (row.Kind != OutboxKind.Alert)
                {
                    if (!await RenewAsync(row, claimedUntil, ct)) continue;
                    sent = await edits.DeliverAsync(platform, row, ct) switch
                    {
                        StoryEdits.Outcome.Edited => (1, Outcome.Delivered),
                        StoryEdits.Outcome.Retry => (0, Outcome.Retry),
                        _ => (0, Outcome.Final),
                    };
                }
                else
                {
                    // The channel's settings decide whether the alert goes now, alone or in a digest, or is held for later.
                    switch (await gate.PlanAsync(row, pass, ct))
                    {
                        case DeliveryPlan.Alert alert:
                            // False: the lease ran out and another process took the row over; it is theirs to send.
                            if (!await RenewAsync(row, claimedUntil, ct)) continue;
                            alerts ??= await composer.ComposeAsync(rows.SkipWhile(r => r.Id != row.Id).Where(r => r.Batch is null && r.Notice is null).ToList(), ct);
                            sent = await DeliverAlertAsync(platform, row, alerts.GetValueOrDefault(row.Id), alert.Settings, ct);
                            break;
                        case DeliveryPlan.Digest digest when digest.Rows.Count > 0:
                            // The gate claimed (or renewed) every row the digest carries.
                            carried = digest.Rows;
                            sent = await DeliverDigestAsync(platform, target, digest, ct);
                            break;
                        default:
                            continue;
                    }
                }
                delivered += sent.Delivered;
                if (sent.Outcome == Outcome.Retry) foreach (var r in carried) retried.TryAdd(r.Id, 0);
                if (sent.Outcome == Outcome.TargetStopped)
                {
                    await outbox.ReleaseClaimAsync(owner.Id, [.. carried.Select(r => r.Id), .. rows.Where(r => !handled.Contains(r.Id)).Select(r => r.Id)], ct);
                    break;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogError(ex, "Delivery of outbox row {OutboxId} to {Platform}:{ChatId} failed", row.Id, row.Platform, row.ChatId);
                foreach (var r in carried)
                {
                    await outbox.MarkRetryAsync(r.Id, ex.Message, time.GetUtcNow() + Backoff(r.Attempts), ct);
                    retried.TryAdd(r.Id, 0);
                }
            }
        }
        return delivered;
    }

    /// <summary>
    /// Makes sure the claim on one row outlasts its send: while more than half the lease is left nothing is written,
    /// else the claim is renewed. False when it was lost (another process took the row over): the row must not be sent.
    /// </summary>
    private async Task<bool> RenewAsync(OutboxRecord row, DateTimeOffset claimedUntil, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return claimedUntil - now > Lease / 2 || await outbox.RenewClaimAsync(owner.Id, [row.Id], now + Lease, ct);
    }

    private async Task<(int Delivered, Outcome Outcome)> DeliverAlertAsync(
        IChatPlatform platform, OutboxRecord row, AlertMessage? alert, ChannelSettings settings, CancellationToken ct)
    {
        if (alert is null)
        {
            await outbox.MarkFinalAsync(row.Id, OutboxStatus.Failed, "article no longer stored", ct);
            return (0, Outcome.Final);
        }

        alert = ChannelAlert.Apply(alert, settings);
        var result = await platform.SendAlertAsync(alert, ct);
        if (result is DeliveryResult.Delivered && alert.FetchedAt is { } fetchedAt) metrics?.DeliveryLatency(row.Platform, time.GetUtcNow() - fetchedAt);
        var outcome = await ApplyAsync(result, [row], ct);
        return (outcome == Outcome.Delivered ? 1 : 0, outcome);
    }

    /// <summary>A notice row (a source failing, and so on): plain text, with the row's own idempotency key.</summary>
    private async Task<(int Delivered, Outcome Outcome)> DeliverNoticeAsync(IChatPlatform platform, ChatTarget target, OutboxRecord row, string notice, CancellationToken ct)
    {
        var outcome = await ApplyAsync(await platform.SendOnceAsync(target, notice, IdempotencyKey([row]), ct), [row], ct);
        return (outcome == Outcome.Delivered ? 1 : 0, outcome);
    }

    /// <summary>A burst from one check, or the alerts a channel held: one message for all of its rows, which this process holds.</summary>
    private async Task<(int Delivered, Outcome Outcome)> DeliverDigestAsync(IChatPlatform platform, ChatTarget target, DeliveryPlan.Digest digest, CancellationToken ct)
    {
        var rows = digest.Rows;
        var composed = await digestComposer.ComposeAsync(rows, digest.Settings, ct);
        if (composed is null)
        {
            foreach (var row in rows) await outbox.MarkFinalAsync(row.Id, OutboxStatus.Failed, "articles no longer stored", ct);
            return (0, Outcome.Final);
        }
        var outcome = await ApplyAsync(await platform.SendDigestAsync(target, composed, IdempotencyKey(rows), ct), rows, ct);
        return (outcome == Outcome.Delivered ? rows.Count : 0, outcome);
    }

    /// <summary>
    /// Idempotency key of a digest or notice, 16 hex digits: the same rows give the same key after a crash (so Discord drops
    /// the re-send), a different set of rows a different key (so no row is swallowed as a "duplicate" of a message without it).
    /// </summary>
    internal static string IdempotencyKey(IEnumerable<OutboxRecord> rows)
    {
        // FNV-1a over the row ids, in id order.
        var hash = 14695981039346656037UL;
        foreach (var id in rows.Select(r => r.Id).Order())
        {
            for (var i = 0; i < 8; i++)
            {
                hash ^= (byte)(id >> (8 * i));
                hash *= 1099511628211UL;
            }
        }
        return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Records what the platform said about one message, which carried these rows. The platform has acted, so its answer
    /// is written even when shutdown was asked for during the send: a sent row left claimed would go out again after its
    /// lease. Only telling people of a lost chat (a send of its own) still stops for shutdown.
    /// </summary>
    private async Task<Outcome> ApplyAsync(DeliveryResult result, IReadOnlyList<OutboxRecord> rows, CancellationToken ct)
    {
        var record = CancellationToken.None;
        var row = rows[0];
        var target = new ChatTarget(row.Platform, row.ChatId);
        switch (result)
        {
            case DeliveryResult.Delivered delivered:
                metrics?.AlertsSent(row.Platform, rows.Count);
                // An alert's own message is kept: later reports of its story edit it. A digest's is not theirs to edit.
                var messageId = rows.Count == 1 && row.Batch is null && row.Notice is null ? delivered.PlatformMessageId : null;
                foreach (var r in rows) await outbox.MarkSentAsync(r.Id, time.GetUtcNow(), messageId, record);
                return Outcome.Delivered;
            case DeliveryResult.RetryLater retry when row.Attempts + 1 >= options.Value.MaxAttempts:
                logger.LogWarning("Giving up on outbox row {OutboxId} after {Attempts} attempts: {Error}", row.Id, row.Attempts + 1, retry.Error);
                metrics?.AlertFailed(row.Platform, rows.Count);
                foreach (var r in rows) await outbox.MarkFinalAsync(r.Id, OutboxStatus.Failed, retry.Error, record);
                return Outcome.Final;
            case DeliveryResult.RetryLater retry:
                foreach (var r in rows) await outbox.MarkRetryAsync(r.Id, retry.Error, time.GetUtcNow() + (retry.After ?? Backoff(row.Attempts)), record);
                return Outcome.Retry;
            case DeliveryResult.TargetGone gone:
                logger.LogWarning("Target {Target} is gone ({Reason}); disabling it", target, gone.Reason);
                metrics?.AlertFailed(row.Platform, rows.Count);
                if (_platforms.TryGetValue(target.Platform, out var platform)) await lossNotifier.NotifyAsync(platform, target, gone.Reason, ct);
                await chats.DisableAsync(target, gone.Reason, record);
                return Outcome.TargetStopped;
            case DeliveryResult.TargetMoved moved:
                logger.LogInformation("Target {Target} moved to {NewChatId}; its subscriptions follow", target, moved.NewChatId);
                await chats.MoveAsync(target, moved.NewChatId, record);
                return Outcome.TargetStopped;
            case DeliveryResult.Rejected rejected:
                logger.LogWarning("Outbox row {OutboxId} rejected by {Platform}: {Reason}", row.Id, row.Platform, rejected.Reason);
                metrics?.AlertFailed(row.Platform, rows.Count);
                foreach (var r in rows) await outbox.MarkFinalAsync(r.Id, OutboxStatus.Failed, rejected.Reason, record);
                return Outcome.Final;
            default:
                throw new InvalidOperationException($"Unknown delivery result {result}");
        }
    }

    /// <summary>Exponential backoff for transient failures: 5 s, 10 s, 20 s… capped at 30 min.</summary>
    internal static TimeSpan Backoff(long attempts) =>
        TimeSpan.FromSeconds(Math.Min(1800, 5 * Math.Pow(2, Math.Min(attempts, 20))));

    /// <summary>What became of the rows one message carried.</summary>
    private enum Outcome
    {
        Delivered,
        /// <summary>Transient failure: the rows wait for their backoff.</summary>
        Retry,
        /// <summary>Failed for good; the rows are closed.</summary>
        Final,
        /// <summary>The chat is gone or moved: nothing more is sent to it in this round.</summary>
        TargetStopped,
    }
}
