using System.Collections.Concurrent;
using AlertBot.Core;
using AlertBot.Core.Delivery;

namespace AlertBot.Tests.Support;

/// <summary>A platform that records what it was asked to send and answers what the test scripted.</summary>
public sealed class RecordingPlatform(string name = RecordingPlatform.PlatformName) : IChatPlatform
{
    public const string PlatformName = "test";

    public ConcurrentQueue<AlertMessage> Alerts { get; } = new();
    public ConcurrentQueue<(ChatTarget Target, string Text)> Notices { get; } = new();

    /// <summary>Answers for the next sends, in order; when empty every send is delivered.</summary>
    public Queue<DeliveryResult> Script { get; } = new();

    public string Name => name;

    public ChatTarget? DirectMessageTarget(string userId) => new(name, "dm-" + userId);

    public IReadOnlyList<string> NoticesTo(ChatTarget target) => Notices.Where(n => n.Target == target).Select(n => n.Text).ToList();

    private int _messages;

    /// <summary>Called with every alert as it is sent, before the answer: a test can stop the bot mid-send.</summary>
    public Action<AlertMessage>? Sending { get; set; }

    /// <summary>A delivered alert gets a message id ("m1", "m2"…), which edits and replies name.</summary>
    public Task<DeliveryResult> SendAlertAsync(AlertMessage alert, CancellationToken cancellationToken)
    {
        Alerts.Enqueue(alert);
        Sending?.Invoke(alert);
        return Task.FromResult(Script.Count > 0 ? Script.Dequeue() : new DeliveryResult.Delivered("m" + Interlocked.Increment(ref _messages)));
    }

    /// <summary>Every edit asked for: the message id and the alert as edited.</summary>
    public ConcurrentQueue<(string MessageId, AlertMessage Alert)> Edits { get; } = new();

    /// <summary>Answers for the next edits, in order; when empty every edit is made.</summary>
    public ConcurrentQueue<DeliveryResult> EditScript { get; } = new();

    public Task<DeliveryResult> EditAlertAsync(AlertMessage alert, string messageId, CancellationToken cancellationToken)
    {
        Edits.Enqueue((messageId, alert));
        return Task.FromResult(EditScript.TryDequeue(out var scripted) ? scripted : new DeliveryResult.Delivered(messageId));
    }

    /// <summary>Every reply sent: the message replied to and the text.</summary>
    public ConcurrentQueue<(string ReplyTo, string Text)> Replies { get; } = new();

    public Task<DeliveryResult> SendReplyAsync(ChatTarget target, string text, string replyToMessageId, CancellationToken cancellationToken)
    {
        Replies.Enqueue((replyToMessageId, text));
        return Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered("r" + Interlocked.Increment(ref _messages)));
    }

    /// <summary>The idempotency key of every text sent for outbox rows (digests, notice rows), in order.</summary>
    public ConcurrentQueue<string> DigestKeys { get; } = new();

    /// <summary>For each digest, whether its channel let the links in it show previews, in order.</summary>
    public ConcurrentQueue<bool> DigestPreviews { get; } = new();

    public Task<DeliveryResult> SendDigestAsync(ChatTarget target, DigestText digest, string idempotencyKey, CancellationToken cancellationToken)
    {
        DigestPreviews.Enqueue(digest.LinkPreviews);
        DigestPreviewLinks.Enqueue(digest.PreviewLink);
        return SendOnceAsync(target, digest.Text, idempotencyKey, cancellationToken);
    }

    /// <summary>For each digest, the link of the first story it lists (the one a platform may preview), in order.</summary>
    public ConcurrentQueue<string?> DigestPreviewLinks { get; } = new();

    public Task<DeliveryResult> SendOnceAsync(ChatTarget target, string text, string idempotencyKey, CancellationToken cancellationToken)
    {
        DigestKeys.Enqueue(idempotencyKey);
        return SendNoticeAsync(target, text, cancellationToken);
    }

    /// <summary>Answers for the next notice sends, in order; when empty every notice is delivered.</summary>
    public ConcurrentQueue<DeliveryResult> NoticeScript { get; } = new();

    public Task<DeliveryResult> SendNoticeAsync(ChatTarget target, string text, CancellationToken cancellationToken)
    {
        Notices.Enqueue((target, text));
        return Task.FromResult(NoticeScript.TryDequeue(out var scripted) ? scripted : new DeliveryResult.Delivered());
    }
}
