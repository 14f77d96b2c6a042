using System.Text.Json.Nodes;
using AlertBot.Core;
using AlertBot.Core.Delivery;
using AlertBot.Discord.Alerts;

namespace AlertBot.Tests.Discord;

public class EmbedBuilderTests
{
    private static AlertMessage Alert(string title = "Troops deployed", string summary = "About 11,000 troops were sent.", int figures = 1, string? url = "https://example.com/a?b=1") => new()
    {
        OutboxId = 1234567,
        Target = new ChatTarget("discord", "111"),
        SubscriptionId = 1,
        TopicId = "nk",
        TopicName = "North Korea",
        Title = title,
        Url = url,
        Summary = summary,
        Figures = Enumerable.Range(0, figures).Select(i => new AlertFigure($"measure {i}", $"{i},000", i % 2 == 0 ? "South Korea's JCS" : null)).ToList(),
        Outlet = "koreaherald.com",
        Published = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(9)),
    };

    [Fact]
    public void An_alert_becomes_a_linked_embed_with_figures_footer_and_timestamp()
    {
        var embed = EmbedBuilder.Build(Alert());

        Assert.Equal("Troops deployed", embed["title"]!.GetValue<string>());
        Assert.Equal("https://example.com/a?b=1", embed["url"]!.GetValue<string>());
        Assert.Equal("About 11,000 troops were sent.", embed["description"]!.GetValue<string>());
        var field = embed["fields"]![0]!;
        Assert.Equal("measure 0", field["name"]!.GetValue<string>());
        Assert.Equal("0,000\n— South Korea's JCS", field["value"]!.GetValue<string>());
        Assert.Equal("koreaherald.com · North Korea", embed["footer"]!["text"]!.GetValue<string>());
        Assert.Equal("2026-03-03T20:06:07.000Z", embed["timestamp"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("not a url")]
    [InlineData(null)]
    public void Only_http_links_are_used_as_the_title_link(string? url)
    {
        Assert.Null(EmbedBuilder.Build(Alert(url: url))["url"]);
    }

    [Fact]
    public void Oversized_parts_are_trimmed_to_their_own_limits()
    {
        var words = string.Join(' ', Enumerable.Repeat("word", 2000));
        var embed = EmbedBuilder.Build(Alert(title: words, summary: words, figures: 40));

        Assert.True(embed["title"]!.GetValue<string>().Length <= EmbedBuilder.TitleMax);
        Assert.EndsWith("…", embed["title"]!.GetValue<string>());
        Assert.True(embed["description"]!.GetValue<string>().Length <= EmbedBuilder.DescriptionMax);
        Assert.True(((JsonArray)embed["fields"]!).Count <= EmbedBuilder.FieldsMax);
        Assert.True(EmbedBuilder.CountedLength(embed) <= EmbedBuilder.TotalMax);
    }

    [Fact]
    public void The_total_stays_within_6000_while_keeping_the_figures_when_possible()
    {
        var longSummary = string.Join(' ', Enumerable.Repeat("sentence", 600));
        var bigFigures = Alert(summary: longSummary, figures: 25) with
        {
            Figures = Enumerable.Range(0, 25).Select(i => new AlertFigure("measure " + i, string.Join(' ', Enumerable.Repeat("v", 100)), null)).ToList(),
        };

        var embed = EmbedBuilder.Build(bigFigures);

        Assert.True(EmbedBuilder.CountedLength(embed) <= EmbedBuilder.TotalMax);
        Assert.Equal(25, ((JsonArray)embed["fields"]!).Count);
        Assert.EndsWith("…", embed["description"]!.GetValue<string>());
    }

    [Fact]
    public void Feed_text_in_embeds_is_escaped()
    {
        var embed = EmbedBuilder.Build(Alert(title: "**Breaking** @everyone", summary: "see [this](https://x) <@1>"));

        Assert.Equal("\\*\\*Breaking\\*\\* @\u200Beveryone", embed["title"]!.GetValue<string>());
        Assert.Equal("see \\[this\\](https://x) \\<@1>", embed["description"]!.GetValue<string>());
    }

    [Fact]
    public void Alert_payload_never_mentions_and_carries_a_short_nonce()
    {
        var payload = MessagePayloads.Alert(Alert() with { OutboxId = long.MaxValue });

        Assert.Equal("""{"parse":[]}""", payload["allowed_mentions"]!.ToJsonString());
        Assert.True(payload["enforce_nonce"]!.GetValue<bool>());
        var nonce = payload["nonce"]!.GetValue<string>();
        Assert.True(nonce.Length <= MessagePayloads.NonceMax);
        Assert.Contains(long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), nonce, StringComparison.Ordinal);
    }
}
