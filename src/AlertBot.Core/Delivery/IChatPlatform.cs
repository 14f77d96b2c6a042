namespace AlertBot.Core.Delivery;

/// <summary>
/// The sending half of a chat platform (Console, Discord, Telegram). Platform code only translates
/// between the wire and these plain values; rate limits, splitting and escaping live behind it.
/// The receiving half is the platform's own hosted service, which turns incoming commands into
/// <see cref="Commands.CommandRequest"/> and hands them to <see cref="Commands.ICommandHandler"/>.
/// </summary>
public interface IChatPlatform
{
    /// <summary>Lower-case platform name, the <see cref="ChatTarget.Platform"/> of its targets.</summary>
    string Name { get; }

    /// <summary>
    /// False while the platform cannot send at all (Telegram after it rejected the token): the outbox keeps
    /// the platform's rows pending, as for a platform not running in this process, instead of using up their attempts.
    /// </summary>
    bool IsAvailable => true;

    /// <summary>Sends one alert. Never throws for platform errors: they come back as a <see cref="DeliveryResult"/>.</summary>
    Task<DeliveryResult> SendAlertAsync(AlertMessage alert, CancellationToken cancellationToken);

    /// <summary>Sends a notice that is not an alert (a source failing, a target disabled) to a chat.</summary>
    Task<DeliveryResult> SendNoticeAsync(ChatTarget target, string text, CancellationToken cancellationToken);

    /// <summary>
    /// Sends a text that carries outbox rows (a digest, a notice). <paramref name="idempotencyKey"/> is derived from the rows
    /// (<see cref="OutboxDispatcher.IdempotencyKey"/>), so it is the same whenever the same rows are sent again (a crash
    /// before they were marked sent) and a platform that can deduplicate (Discord's <c>nonce</c>) drops the re-send.
    /// Platforms that cannot send it as a plain notice.
    /// </summary>
    Task<DeliveryResult> SendOnceAsync(ChatTarget target, string text, string idempotencyKey, CancellationToken cancellationToken) =>
        SendNoticeAsync(target, text, cancellationToken);

    /// <summary>
    /// As <see cref="SendOnceAsync(ChatTarget, string, string, CancellationToken)"/> for a digest, whose channel chose
    /// whether its links may show previews (<see cref="DigestText.LinkPreviews"/>: Discord suppresses its link embeds when
    /// off; Telegram previews the first story's link when on and the operator allows previews). Platforms that show no
    /// previews send it as any other text that carries rows.
    /// </summary>
    Task<DeliveryResult> SendDigestAsync(ChatTarget target, DigestText digest, string idempotencyKey, CancellationToken cancellationToken) =>
        SendOnceAsync(target, digest.Text, idempotencyKey, cancellationToken);

    /// <summary>
    /// Edits an alert already sent (message <paramref name="messageId"/>, as <see cref="DeliveryResult.Delivered"/> gave
    /// it) to show its story as it stands now: more outlets, new key figures. An edit notifies nobody. A platform that
    /// cannot edit rejects it, and the outbox drops the edit quietly.
    /// </summary>
    Task<DeliveryResult> EditAlertAsync(AlertMessage alert, string messageId, CancellationToken cancellationToken) =>
        Task.FromResult<DeliveryResult>(new DeliveryResult.Rejected($"{Name} cannot edit messages"));

    /// <summary>Sends a short plain text as a reply to message <paramref name="replyToMessageId"/> (an update of a story).</summary>
    Task<DeliveryResult> SendReplyAsync(ChatTarget target, string text, string replyToMessageId, CancellationToken cancellationToken) =>
        SendNoticeAsync(target, text, cancellationToken);

    /// <summary>
    /// Where a direct message to this user goes (Discord "@userId", Telegram the user's own chat id), or null
    /// when the platform has no such thing. Used to tell the people who set up a channel that it was lost.
    /// </summary>
    ChatTarget? DirectMessageTarget(string userId) => null;
}
