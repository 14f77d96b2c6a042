using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlertBot.Core;
using AlertBot.Core.Delivery;
using AlertBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace AlertBot.Discord.Alerts;

/// <summary>
/// Discord as a delivery platform. A target's ChatId is a channel snowflake, or "@&lt;user id&gt;" for a personal
/// subscription made in a DM (its DM channel is opened with POST /users/@me/channels and cached).
/// </summary>
public sealed class DiscordPlatform : IChatPlatform
{
    private readonly DiscordRestClient _rest;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, string> _dmChannels = new(StringComparer.Ordinal);

    internal DiscordPlatform(DiscordRestClient rest, ILogger<DiscordPlatform> logger)
    {
        _rest = rest;
        _logger = logger;
    }

    public string Name => "discord";

    /// <summary>Personal targets are "@userId"; sending opens (and caches) the DM channel.</summary>
    public ChatTarget? DirectMessageTarget(string userId) => new(Name, "@" + userId);

    public async Task<DeliveryResult> SendAlertAsync(AlertMessage alert, CancellationToken cancellationToken)
    {
        var (channel, failure) = await ResolveChannelAsync(alert.Target, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var response = await _rest.SendAsync(HttpMethod.Post, $"/channels/{channel}/messages", MessagePayloads.Alert(alert), cancellationToken);
        var result = DeliveryMapper.Map(response);
        if (result is not DeliveryResult.Delivered)
        {
            _logger.LogWarning("Discord alert {OutboxId} to {Target}: {Result}", alert.OutboxId, alert.Target, result);
        }

        return result;
    }

    /// <summary>PATCH of the alert's message with the story as it stands now (an edit pings nobody).</summary>
    public async Task<DeliveryResult> EditAlertAsync(AlertMessage alert, string messageId, CancellationToken cancellationToken)
    {
        var (channel, failure) = await ResolveChannelAsync(alert.Target, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if (!IsSnowflake(messageId))
        {
            return new DeliveryResult.Rejected($"'{messageId}' is not a Discord message id.");
        }

        var response = await _rest.SendAsync(HttpMethod.Patch, $"/channels/{channel}/messages/{messageId}", MessagePayloads.AlertEdit(alert), cancellationToken);
        return DeliveryMapper.Map(response);
    }

    /// <summary>A short text replying to the alert (message_reference), pinging nobody, not even the replied-to author.</summary>
    public async Task<DeliveryResult> SendReplyAsync(ChatTarget target, string text, string replyToMessageId, CancellationToken cancellationToken)
    {
        var (channel, failure) = await ResolveChannelAsync(target, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var body = MessagePayloads.Text(MessagePayloads.Chunks(text)[0]);
        if (IsSnowflake(replyToMessageId))
        {
            body["message_reference"] = new JsonObject { ["message_id"] = replyToMessageId, ["fail_if_not_exists"] = false };
        }

        var response = await _rest.SendAsync(HttpMethod.Post, $"/channels/{channel}/messages", body, cancellationToken);
        return DeliveryMapper.Map(response);
    }

    public Task<DeliveryResult> SendNoticeAsync(ChatTarget target, string text, CancellationToken cancellationToken) =>
        SendTextAsync(target, text, idempotencyKey: null, linkPreviews: true, cancellationToken);

    /// <summary>Each chunk carries a nonce from the rows' key and its position, with enforce_nonce.</summary>
    public Task<DeliveryResult> SendOnceAsync(ChatTarget target, string text, string idempotencyKey, CancellationToken cancellationToken) =>
        SendTextAsync(target, text, idempotencyKey, linkPreviews: true, cancellationToken);

    /// <summary>A digest: as above, and with previews off every part carries SUPPRESS_EMBEDS, so its links show no embeds.</summary>
    public Task<DeliveryResult> SendDigestAsync(ChatTarget target, DigestText digest, string idempotencyKey, CancellationToken cancellationToken) =>
        SendTextAsync(target, digest.Text, idempotencyKey, digest.LinkPreviews, cancellationToken);

    private async Task<DeliveryResult> SendTextAsync(ChatTarget target, string text, string? idempotencyKey, bool linkPreviews, CancellationToken cancellationToken)
    {
        var (channel, failure) = await ResolveChannelAsync(target, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        DeliveryResult result = new DeliveryResult.Rejected("empty notice");
        var chunks = MessagePayloads.Chunks(text);
        for (var i = 0; i < chunks.Count; i++)
        {
            var body = MessagePayloads.Text(chunks[i]);
            if (!linkPreviews)
            {
                body["flags"] = MessagePayloads.SuppressEmbedsFlag;
            }

            if (idempotencyKey is not null)
            {
                body["nonce"] = MessagePayloads.DigestNonce(idempotencyKey, i);
                body["enforce_nonce"] = true;
            }

            var response = await _rest.SendAsync(HttpMethod.Post, $"/channels/{channel}/messages", body, cancellationToken);
            result = DeliveryMapper.Map(response);
            if (result is not DeliveryResult.Delivered)
            {
                return result;
            }
        }

        return result;
    }

    private async Task<(string? Channel, DeliveryResult? Failure)> ResolveChannelAsync(ChatTarget target, CancellationToken ct)
    {
        var id = target.ChatId;
        if (!id.StartsWith('@'))
        {
            return IsSnowflake(id) ? (id, null) : (null, new DeliveryResult.Rejected($"'{id}' is not a Discord channel id."));
        }

        var userId = id[1..];
        if (!IsSnowflake(userId))
        {
            return (null, new DeliveryResult.Rejected($"'{id}' is not a Discord user id."));
        }

        if (_dmChannels.TryGetValue(userId, out var cached))
        {
            return (cached, null);
        }

        var response = await _rest.SendAsync(HttpMethod.Post, "/users/@me/channels", new JsonObject { ["recipient_id"] = userId }, ct);
        if (!response.IsSuccess)
        {
            return (null, DeliveryMapper.Map(response));
        }

        using var doc = response.Json();
        var channel = doc.RootElement.GetProperty("id").GetString()!;
        _dmChannels[userId] = channel;
        return (channel, null);
    }

    private static bool IsSnowflake(string value) => value.Length is > 0 and <= 20 && value.All(char.IsAsciiDigit);
}
