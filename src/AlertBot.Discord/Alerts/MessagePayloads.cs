using System.Globalization;
using System.Text.Json.Nodes;
using AlertBot.Core.Delivery;

namespace AlertBot.Discord.Alerts;

/// <summary>Message bodies. Every one carries allowed_mentions {"parse":[]}: nothing the bot posts may ping.</summary>
internal static class MessagePayloads
{
    public const int ContentMax = 2000;
    public const int NonceMax = 25;
    public const int EphemeralFlag = 64;

    /// <summary>SUPPRESS_EMBEDS: the links in the content get no embeds (a channel with previews off).</summary>
    public const int SuppressEmbedsFlag = 4;

    public static JsonObject NoMentions() => new() { ["parse"] = new JsonArray() };

    /// <summary>Derived from the outbox row id, so a retry after a crash reuses it and Discord drops the duplicate.</summary>
    public static string Nonce(long outboxId) => "ab" + outboxId.ToString(CultureInfo.InvariantCulture);

    /// <summary>"abd", the rows' key (at most 16 characters) and the chunk's position: at most 25 characters, stable across restarts.</summary>
    public static string DigestNonce(string key, int chunk) =>
        string.Create(CultureInfo.InvariantCulture, $"abd{key[..Math.Min(key.Length, 16)]}-{chunk}");

    public static JsonObject Alert(AlertMessage alert) => new()
    {
        ["embeds"] = new JsonArray(EmbedBuilder.Build(alert)),
        ["allowed_mentions"] = NoMentions(),
        ["nonce"] = Nonce(alert.OutboxId),
        ["enforce_nonce"] = true,
    };

    /// <summary>The body of an alert's edit: the same embed, rebuilt; no nonce (that is for creating messages).</summary>
    public static JsonObject AlertEdit(AlertMessage alert) => new()
    {
        ["embeds"] = new JsonArray(EmbedBuilder.Build(alert)),
        ["allowed_mentions"] = NoMentions(),
    };

    /// <summary>Plain text already escaped and split to ≤ 2000 chars.</summary>
    public static JsonObject Text(string content, bool ephemeral = false)
    {
        var body = new JsonObject { ["content"] = content, ["allowed_mentions"] = NoMentions() };
        if (ephemeral)
        {
            body["flags"] = EphemeralFlag;
        }

        return body;
    }

    /// <summary>Escapes plain text and splits it into message-sized chunks.</summary>
    public static IReadOnlyList<string> Chunks(string plainText)
    {
        var chunks = DiscordText.Split(DiscordText.Escape(plainText), ContentMax);
        return chunks.Count > 0 ? chunks : ["(empty)"];
    }
}
