using System.Globalization;
using System.Text;
using AlertBot.Core.Delivery;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace AlertBot.Telegram.Formatting;

/// <summary>One alert as a Telegram message: HTML with every feed-derived string escaped and de-mentioned.</summary>
public sealed record RenderedAlert(string Html, string PlainText, LinkPreviewOptions LinkPreview, InlineKeyboardMarkup? Keyboard);

/// <summary>Pure: AlertMessage in, message text and markup out. Piece sizes are capped so the whole stays under 4096.</summary>
public static class AlertRenderer
{
    public const string UnsubscribePrefix = "unsub:";
    private const int MaxCallbackDataBytes = 64;
    private const int MaxFigures = 8;

    public static RenderedAlert Render(AlertMessage alert, bool linkPreviews)
    {
        var html = new StringBuilder();
        var plain = new StringBuilder();
        void Line(string? rawText, string? tag = null)
        {
            var text = TelegramHtml.BreakMentions(rawText);
            var escaped = TelegramHtml.Escape(text);
            html.Append(tag is null ? escaped : $"<{tag}>{escaped}</{tag}>").Append('\n');
            plain.Append(text).Append('\n');
        }

        Line("🔔 " + TelegramHtml.Truncate(alert.TopicName, 100), "i");
        Line(TelegramHtml.Truncate(alert.Title, 300), "b");
        if (!string.IsNullOrWhiteSpace(alert.Summary)) Line(TelegramHtml.Truncate(alert.Summary, 2400));

        if (alert.Figures.Count > 0)
        {
            html.Append('\n');
            plain.Append('\n');
            foreach (var f in alert.Figures.Take(MaxFigures))
            {
                var figure = $"• {TelegramHtml.Truncate(f.Measure, 60)}: {TelegramHtml.Truncate(f.Value, 40)}"
                    + (string.IsNullOrWhiteSpace(f.ClaimedBy) ? "" : $" ({TelegramHtml.Truncate(f.ClaimedBy, 80)})");
                Line(figure);
            }
        }

        var source = string.Join(" · ", new[]
        {
            TelegramHtml.Truncate(alert.Outlet, 80),
            alert.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        }.Where(s => s.Length > 0));
        var href = TelegramHtml.SafeHref(alert.Url);
        if (source.Length > 0 || href is not null || alert.AlsoReportedLine is not null)
        {
            html.Append('\n');
            plain.Append('\n');
            if (source.Length > 0) Line(source);
            if (alert.AlsoReportedLine is { } also) Line(TelegramHtml.Truncate(also, 300), "i");
            if (href is not null)
            {
                html.Append($"<a href=\"{TelegramHtml.EscapeAttribute(href)}\">Read the article</a>\n");
                plain.Append(href).Append('\n');
            }
        }

        var preview = linkPreviews && href is not null
            ? new LinkPreviewOptions { IsDisabled = false, Url = href, PreferSmallMedia = true }
            : new LinkPreviewOptions { IsDisabled = true };
        return new RenderedAlert(html.ToString().TrimEnd(), plain.ToString().TrimEnd(), preview, UnsubscribeKeyboard(alert.SubscriptionId));
    }

    /// <summary>The "Unsubscribe" button, or null if its callback data would not fit Telegram's 64 bytes.</summary>
    public static InlineKeyboardMarkup? UnsubscribeKeyboard(long subscriptionId)
    {
        var data = UnsubscribePrefix + subscriptionId.ToString(CultureInfo.InvariantCulture);
        if (Encoding.UTF8.GetByteCount(data) > MaxCallbackDataBytes) return null;
        return new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("Unsubscribe", data)]]);
    }

    /// <summary>The subscription id in an "Unsubscribe" button's data, or null for anything else (data can be forged).</summary>
    public static long? ParseUnsubscribe(string? callbackData) =>
        callbackData is not null && callbackData.StartsWith(UnsubscribePrefix, StringComparison.Ordinal)
        && long.TryParse(callbackData.AsSpan(UnsubscribePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : null;
}
