using System.Text;
using AlertBot.Core;
using AlertBot.Core.Delivery;
using AlertBot.Telegram.Formatting;

namespace AlertBot.Tests.Telegram;

public class AlertRendererTests
{
    private static AlertMessage Alert(string title = "Title", string summary = "Summary", string? url = "https://example.com/a?x=1&y=2", long subscriptionId = 7) => new()
    {
        OutboxId = 1,
        Target = new ChatTarget("telegram", "-100123"),
        SubscriptionId = subscriptionId,
        TopicId = "nk-russia",
        TopicName = "North Korea & Russia",
        Title = title,
        Url = url,
        Summary = summary,
        Figures = [new AlertFigure("troops deployed", "11,000", "South Korea's <JCS>")],
        Outlet = "koreaherald.com",
    };

    [Fact]
    public void Feed_text_is_escaped_and_only_our_tags_remain()
    {
        var rendered = AlertRenderer.Render(Alert(title: "<script>x</script> & co", summary: "a <b>bold</b> claim"), linkPreviews: false);

        Assert.Contains("<b>&lt;script&gt;x&lt;/script&gt; &amp; co</b>", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("a &lt;b&gt;bold&lt;/b&gt; claim", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("North Korea &amp; Russia", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("(South Korea's &lt;JCS&gt;)", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.com/a?x=1&amp;y=2\">", rendered.Html, StringComparison.Ordinal);
        // Stripping our own tags leaves text that decodes back to the plain rendering.
        var stripped = System.Text.RegularExpressions.Regex.Replace(rendered.Html, "<(/?(b|i)|a href=\"[^\"]*\"|/a)>", "");
        Assert.DoesNotContain('<', stripped);
    }

    [Fact]
    public void Usernames_in_feed_text_cannot_ping_anyone()
    {
        var rendered = AlertRenderer.Render(Alert(summary: "thanks @admin for the tip"), linkPreviews: false);
        Assert.Contains("@\u2060admin", rendered.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("@admin", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsafe_links_are_left_out()
    {
        var rendered = AlertRenderer.Render(Alert(url: "javascript:alert(1)"), linkPreviews: true);
        Assert.DoesNotContain("href", rendered.Html, StringComparison.Ordinal);
        Assert.True(rendered.LinkPreview.IsDisabled);
    }

    [Fact]
    public void Link_previews_are_off_unless_enabled_and_then_show_the_article()
    {
        Assert.True(AlertRenderer.Render(Alert(), linkPreviews: false).LinkPreview.IsDisabled);
        var on = AlertRenderer.Render(Alert(), linkPreviews: true).LinkPreview;
        Assert.False(on.IsDisabled);
        Assert.Equal("https://example.com/a?x=1&y=2", on.Url);
    }

    [Fact]
    public void Unsubscribe_button_fits_in_64_bytes_and_round_trips()
    {
        var keyboard = AlertRenderer.Render(Alert(subscriptionId: long.MaxValue), linkPreviews: false).Keyboard;
        var data = Assert.Single(Assert.Single(keyboard!.InlineKeyboard)).CallbackData!;
        Assert.True(Encoding.UTF8.GetByteCount(data) <= 64);
        Assert.Equal(long.MaxValue, AlertRenderer.ParseUnsubscribe(data));
    }

    [Theory]
    [InlineData("unsub:abc")]
    [InlineData("unsub:-5")]
    [InlineData("other:5")]
    [InlineData(null)]
    public void Forged_callback_data_is_refused(string? data) => Assert.Null(AlertRenderer.ParseUnsubscribe(data));

    [Fact]
    public void A_huge_alert_still_fits_one_message()
    {
        var rendered = AlertRenderer.Render(Alert(title: new string('t', 5000), summary: string.Concat(Enumerable.Repeat("&😀", 5000))), linkPreviews: false);
        Assert.True(rendered.PlainText.Length < 4096);
    }
}
