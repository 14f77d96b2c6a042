using AlertBot.Core.Channels;
using AlertBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertBot.Core.Delivery;

/// <summary>
/// Delivers an edit row: another report of a story already alerted to the target. The sent alert is edited in place
/// to show the story as it stands (its outlets, new key figures); when the report changes a key figure, the channel
/// has updates on and the story had no update in the last <see cref="UpdateInterval"/>, a short update replies to the
/// alert. An edit that cannot be made (the alert not sent as its own message yet or at all, deleted, too old) is
/// dropped quietly: never re-sent as a new alert.
/// </summary>
public sealed class StoryEdits(
    OutboxStore outbox,
    ArticleStore articles,
    FigureStore figures,
    AlertComposer composer,
    ChannelSettingsStore settingsStore,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<StoryEdits> logger)
{
    /// <summary>At most one update per story and target in this span.</summary>
    public static readonly TimeSpan UpdateInterval = TimeSpan.FromHours(1);

    /// <summary>What became of an edit row.</summary>
    public enum Outcome
    {
        Edited,
        /// <summary>Nothing to edit, or the platform refused: the row is closed quietly.</summary>
        Dropped,
        /// <summary>A transient failure: the row waits for its backoff.</summary>
        Retry,
    }

    public async Task<Outcome> DeliverAsync(IChatPlatform platform, OutboxRecord row, CancellationToken ct)
    {
        var target = new ChatTarget(row.Platform, row.ChatId);
        var alertRow = row.StoryId is { } storyId ? await outbox.StoryAlertAsync(target, storyId, ct) : null;
        if (alertRow is not { Status: OutboxStatus.Sent, MessageId: { } messageId })
        {
            // Not sent yet: it will be composed from the whole story when it goes. Held for a digest, failed, or gone: nothing to edit.
            await DropAsync(row, alertRow?.Status == OutboxStatus.Pending ? "the alert is not sent yet and will show this report" : "no sent alert to edit", ct);
            return Outcome.Dropped;
        }
        if (await composer.ComposeAsync(alertRow, ct) is not { } alert)
        {
            await DropAsync(row, "the alerted article is no longer stored", ct);
            return Outcome.Dropped;
        }

        var settings = await settingsStore.GetAsync(target, ct);
        var result = await platform.EditAlertAsync(ChannelAlert.Apply(alert, settings), messageId, ct);
        // What the platform did is recorded even when shutdown was asked for during the call (as the dispatcher does).
        var record = CancellationToken.None;
        switch (result)
        {
            case DeliveryResult.Delivered:
                await outbox.MarkSentAsync(row.Id, time.GetUtcNow(), record);
                break;
            case DeliveryResult.RetryLater retry when row.Attempts + 1 < options.Value.MaxAttempts:
                await outbox.MarkRetryAsync(row.Id, retry.Error, time.GetUtcNow() + (retry.After ?? OutboxDispatcher.Backoff(row.Attempts)), record);
                return Outcome.Retry;
            default:
                await DropAsync(row, Describe(result), record);
                return Outcome.Dropped;
        }

        if (settings.Updates && await UpdateTextAsync(row, ct) is { } update && await UpdateDueAsync(target, row, settings, ct))
        {
            if (await platform.SendReplyAsync(target, update, messageId, ct) is DeliveryResult.Delivered)
                await outbox.MarkUpdateAsync(row.Id, record);
        }
        return Outcome.Edited;
    }

    /// <summary>
    /// The update text when the reports this row stands for change a key figure of the story's earlier reports, else
    /// null. A row stands for its own report and every later one of the story (later reports add no row while it
    /// waits): the newest report that changes a figure is compared with the reports the target was shown before.
    /// </summary>
    private async Task<string?> UpdateTextAsync(OutboxRecord row, CancellationToken ct)
    {
        if (row.ArticleId is not { } articleId || row.StoryId is not { } storyId) return null;
        var reports = await articles.OfStoriesAsync([storyId], ct);
        if (!reports.Any(r => r.Id == articleId)) return null;
        var byArticle = await figures.ForArticlesAsync(reports.Select(r => r.Id).ToList(), ct);
        var before = reports.Where(r => r.Id < articleId).SelectMany(r => byArticle.GetValueOrDefault(r.Id) ?? []).ToList();
        return reports.Where(r => r.Id >= articleId).Reverse()
            .Select(r => StoryUpdate.Describe(before, byArticle.GetValueOrDefault(r.Id) ?? [], r.Outlet))
            .FirstOrDefault(text => text is not null);
    }

    /// <summary>No update for the story in the last hour, and the channel takes messages now (not paused, quiet or in digest mode).</summary>
    private async Task<bool> UpdateDueAsync(ChatTarget target, OutboxRecord row, ChannelSettings settings, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (!DeliverySchedule.Decide(settings, now, [], defaultCap: 0).IsNow) return false;
        var last = await outbox.LastUpdateAtAsync(target, row.StoryId!.Value, ct);
        return last is null || now - last.Value >= UpdateInterval;
    }

    private async Task DropAsync(OutboxRecord row, string reason, CancellationToken ct)
    {
        logger.LogDebug("Edit {OutboxId} dropped: {Reason}", row.Id, reason);
        await outbox.MarkFinalAsync(row.Id, OutboxStatus.Dropped, reason, ct);
    }

    private static string Describe(DeliveryResult result) => result switch
    {
        DeliveryResult.RetryLater r => r.Error,
        DeliveryResult.Rejected r => r.Reason,
        DeliveryResult.TargetGone g => g.Reason,
        DeliveryResult.TargetMoved m => "the chat moved to " + m.NewChatId,
        _ => result.ToString(),
    };
}
