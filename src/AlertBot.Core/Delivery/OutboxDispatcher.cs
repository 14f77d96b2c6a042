using AlertBot.Core.Channels;
using AlertBot.Core.Health;
using AlertBot.Core.Storage;
using AlertBot.Core.Chats;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertBot.Core.Delivery;

/// <summary>
/// Sends due outbox rows through their platform and records what the platform said. A row is marked
/// sent only after the platform accepted it; each row is isolated, so one failing target never
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
    TimeProvider time,
    ILogger<OutboxDispatcher> logger,
    BotMetrics? metrics = null)
{
    private readonly Dictionary<string, IChatPlatform> _platforms = platforms.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    /// <returns>How many rows were delivered.</returns>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        var delivered = 0;
        var due = await outbox.DueAsync(time.GetUtcNow(), 200, ct);
        var digests = new HashSet<(string Batch, string Platform, string ChatId)>();
        var alerts = await composer.ComposeAsync(due.Where(r => r.Batch is null && r.Notice is null).ToList(), ct);
        foreach (var row in due)
        {
            // A platform not running in this process (no token configured) keeps its rows for later.
            if (!_platforms.TryGetValue(row.Platform, out var platform) || !platform.IsAvailable) continue;
            // Rows of one digest (a burst, or everything held for the chat) go out together, once per round.
            var digestKey = HeldBatch.IsHeld(row.Batch) ? HeldBatch.Prefix : row.Batch;
            if (row.Notice is null && digestKey is not null && !digests.Add((digestKey, row.Platform, row.ChatId))) continue;
            try
            {
                if (row.Notice is { } notice)
                {
                    if (await ApplyAsync(await platform.SendNoticeAsync(new ChatTarget(row.Platform, row.ChatId), notice, ct), [row], ct)) delivered++;
                    continue;
                }
                // Another report of a story the target was alerted to: its alert is edited (an edit notifies nobody, so no gate).
                if (row.Kind != OutboxKind.Alert)
                {
                    if (await edits.DeliverAsync(platform, row, ct)) delivered++;
                    continue;
                }
                // The channel's settings decide whether the alert goes now, alone or in a digest, or is held for later.
                switch (await gate.PlanAsync(row, ct))
                {
                    case DeliveryPlan.Alert alert:
                        if (await DeliverAsync(platform, row, alerts.GetValueOrDefault(row.Id), alert.Settings, ct)) delivered++;
                        break;
                    case DeliveryPlan.Digest digest when digest.Rows.Count > 0:
                        delivered += await DeliverDigestAsync(platform, digest, ct);
                        break;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogError(ex, "Delivery of outbox row {OutboxId} to {Platform}:{ChatId} failed", row.Id, row.Platform, row.ChatId);
                await outbox.MarkRetryAsync(row.Id, ex.Message, time.GetUtcNow() + Backoff(row.Attempts), ct);
            }
        }
        return delivered;
    }

    private async Task<bool> DeliverAsync(IChatPlatform platform, OutboxRecord row, AlertMessage? alert, ChannelSettings settings, CancellationToken ct)
    {
        if (alert is null)
        {
            await outbox.MarkFinalAsync(row.Id, OutboxStatus.Failed, "article no longer stored", ct);
            return false;
        }

        alert = ChannelAlert.Apply(alert, settings);
        var result = await platform.SendAlertAsync(alert, ct);
        if (result is DeliveryResult.Delivered && alert.FetchedAt is { } fetchedAt) metrics?.DeliveryLatency(row.Platform, time.GetUtcNow() - fetchedAt);
        return await ApplyAsync(result, [row], ct);
    }

    /// <summary>A burst from one check, or the alerts a channel held: one message for all of its rows.</summary>
    /// <returns>How many rows the message delivered.</returns>
    private async Task<int> DeliverDigestAsync(IChatPlatform platform, DeliveryPlan.Digest digest, CancellationToken ct)
    {
        var rows = digest.Rows;
        var target = new ChatTarget(rows[0].Platform, rows[0].ChatId);
        var text = digest.IsHeld ? await digestComposer.ComposeAsync(rows, digest.Settings, ct) : await composer.ComposeDigestAsync(rows, ct);
        if (text is null)
        {
            foreach (var row in rows) await outbox.MarkFinalAsync(row.Id, OutboxStatus.Failed, "articles no longer stored", ct);
            return 0;
        }
        var result = await platform.SendDigestAsync(target, text, DigestKey(rows), ct);
        return await ApplyAsync(result, rows, ct) ? rows.Count : 0;
    }

    /// <summary>The same rows give the same key, so a digest resent after a crash is recognised as the same message.</summary>
    internal static string DigestKey(IReadOnlyList<OutboxRecord> rows)
    {
        var ids = string.Join(",", rows.Select(r => r.Id).Order());
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(ids)), 0, 8);
    }

    /// <summary>Records what the platform said about one message, which carried these rows.</summary>
    private async Task<bool> ApplyAsync(DeliveryResult result, IReadOnlyList<OutboxRecord> rows, CancellationToken ct)
    {
        var row = rows[0];
        var target = new ChatTarget(row.Platform, row.ChatId);
        switch (result)
        {
            case DeliveryResult.Delivered delivered:
                metrics?.AlertsSent(row.Platform, rows.Count);
                // An alert's own message is kept: later reports of its story edit it. A digest's is not theirs to edit.
                var messageId = rows.Count == 1 && row.Batch is null && row.Notice is null ? delivered.PlatformMessageId : null;
                foreach (var r in rows) await outbox.MarkSentAsync(r.Id, time.GetUtcNow(), messageId, ct);
                return true;
            case DeliveryResult.RetryLater retry when row.Attempts + 1 >= options.Value.MaxAttempts:
                logger.LogWarning("Giving up on outbox row {OutboxId} after {Attempts} attempts: {Error}", row.Id, row.Attempts + 1, retry.Error);
                metrics?.AlertFailed(row.Platform, rows.Count);
                foreach (var r in rows) await outbox.MarkFinalAsync(r.Id, OutboxStatus.Failed, retry.Error, ct);
                return false;
            case DeliveryResult.RetryLater retry:
                foreach (var r in rows) await outbox.MarkRetryAsync(r.Id, retry.Error, time.GetUtcNow() + (retry.After ?? Backoff(row.Attempts)), ct);
                return false;
            case DeliveryResult.TargetGone gone:
                logger.LogWarning("Target {Target} is gone ({Reason}); disabling it", target, gone.Reason);
                metrics?.AlertFailed(row.Platform, rows.Count);
                if (_platforms.TryGetValue(target.Platform, out var platform)) await lossNotifier.NotifyAsync(platform, target, gone.Reason, ct);
                await chats.DisableAsync(target, gone.Reason, ct);
                return false;
            case DeliveryResult.TargetMoved moved:
                logger.LogInformation("Target {Target} moved to {NewChatId}; its subscriptions follow", target, moved.NewChatId);
                await chats.MoveAsync(target, moved.NewChatId, ct);
                return false;
            case DeliveryResult.Rejected rejected:
                logger.LogWarning("Outbox row {OutboxId} rejected by {Platform}: {Reason}", row.Id, row.Platform, rejected.Reason);
                metrics?.AlertFailed(row.Platform, rows.Count);
                foreach (var r in rows) await outbox.MarkFinalAsync(r.Id, OutboxStatus.Failed, rejected.Reason, ct);
                return false;
            default:
                throw new InvalidOperationException($"Unknown delivery result {result}");
        }
    }

    /// <summary>Exponential backoff for transient failures: 5 s, 10 s, 20 s… capped at 30 min.</summary>
    internal static TimeSpan Backoff(long attempts) =>
        TimeSpan.FromSeconds(Math.Min(1800, 5 * Math.Pow(2, Math.Min(attempts, 20))));
}
