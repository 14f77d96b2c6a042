using System.Globalization;
using System.Text.Json.Nodes;
using AlertBot.Core.Delivery;

namespace AlertBot.Discord.Alerts;

/// <summary>
/// Renders an alert as one rich embed within Discord's limits (PROTOCOLS.md A5.2). Feed text is escaped; embeds
/// never ping, and every message also carries allowed_mentions {"parse":[]}. Links and the thumbnail are absolute
/// http(s) URLs only; the thumbnail shows when the channel has previews on. Pure.
/// </summary>
internal static class EmbedBuilder
{
    public const int TitleMax = 256;
    public const int DescriptionMax = 4096;
    public const int FieldsMax = 25;
    public const int FieldNameMax = 256;
    public const int FieldValueMax = 1024;
    public const int FooterMax = 2048;
    public const int TotalMax = 6000;

    /// <summary>Description is kept at least this long before figures are dropped to meet the 6000 total.</summary>
    private const int DescriptionFloor = 300;
    private const int Color = 0x2B6CB0;

    public static JsonObject Build(AlertMessage alert)
    {
        var title = DiscordText.Trim(DiscordText.Escape(alert.Title), TitleMax);
        var footer = DiscordText.Trim(string.Join(" · ", new[] { alert.Outlet, alert.TopicName, alert.AlsoReportedLine }.Where(s => !string.IsNullOrWhiteSpace(s))), FooterMax);
        var fields = alert.Figures
            .Select(f => (
                Name: DiscordText.Trim(DiscordText.Escape(f.Measure), FieldNameMax),
                Value: DiscordText.Trim(DiscordText.Escape(f.ClaimedBy is { Length: > 0 } by ? $"{f.Value}\n— {by}" : f.Value), FieldValueMax)))
            .Where(f => f.Name.Length > 0 && f.Value.Length > 0)
            .Take(FieldsMax)
            .ToList();
        var description = DiscordText.Trim(DiscordText.Escape(alert.Summary), DescriptionMax);

        // The 6000 total counts title, description, field names and values, and the footer.
        int Total() => title.Length + footer.Length + description.Length + fields.Sum(f => f.Name.Length + f.Value.Length);
        while (Total() > TotalMax && fields.Count > 0 && description.Length <= DescriptionFloor)
        {
            fields.RemoveAt(fields.Count - 1);
        }

        if (Total() > TotalMax)
        {
            var budget = TotalMax - (Total() - description.Length);
            description = DiscordText.Trim(description, Math.Max(DescriptionFloor, budget));
        }

        while (Total() > TotalMax && fields.Count > 0)
        {
            fields.RemoveAt(fields.Count - 1);
        }

        var embed = new JsonObject
        {
            ["type"] = "rich",
            ["title"] = title.Length > 0 ? title : "(untitled)",
            ["color"] = Color,
        };
        if (SafeUrl(alert.Url) is { } url)
        {
            embed["url"] = url;
        }

        // The feed's image of the article, as the embed's thumbnail, unless the channel turned previews off.
        if (alert.ShowPreview && SafeUrl(alert.ImageUrl) is { } image)
        {
            embed["thumbnail"] = new JsonObject { ["url"] = image };
        }

        if (description.Length > 0)
        {
            embed["description"] = description;
        }

        if (fields.Count > 0)
        {
            embed["fields"] = new JsonArray(fields.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["value"] = f.Value, ["inline"] = true }).ToArray());
        }

        if (footer.Length > 0)
        {
            embed["footer"] = new JsonObject { ["text"] = footer };
        }

        if (alert.Published is { } published)
        {
            embed["timestamp"] = published.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }

        return embed;
    }

    /// <summary>Counts what Discord counts toward the 6000 total, for tests and logs.</summary>
    public static int CountedLength(JsonObject embed)
    {
        static int Len(JsonNode? node) => node?.GetValue<string>().Length ?? 0;
        var total = Len(embed["title"]) + Len(embed["description"]) + Len(embed["footer"]?["text"]);
        if (embed["fields"] is JsonArray fields)
        {
            total += fields.Sum(f => Len(f!["name"]) + Len(f!["value"]));
        }

        return total;
    }

    private static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && url!.Length <= 2048
            ? uri.AbsoluteUri
            : null;
}
