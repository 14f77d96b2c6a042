using AlertBot.Telegram.Formatting;

namespace AlertBot.Tests.Telegram;

public class TelegramHtmlTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("<b>not bold</b>", "&lt;b&gt;not bold&lt;/b&gt;")]
    [InlineData("already &amp; escaped", "already &amp;amp; escaped")]
    [InlineData("x<y>z&", "x&lt;y&gt;z&amp;")]
    [InlineData("", "")]
    public void Text_is_escaped_ampersand_first(string input, string expected) =>
        Assert.Equal(expected, TelegramHtml.Escape(input));

    [Fact]
    public void Attribute_escaping_also_escapes_quotes() =>
        Assert.Equal("https://x.test/?a=1&amp;b=&quot;2&quot;", TelegramHtml.EscapeAttribute("https://x.test/?a=1&b=\"2\""));

    [Theory]
    [InlineData("ask @durov now", "ask @\u2060durov now")]
    [InlineData("@a_b and @c", "@\u2060a_b and @\u2060c")]
    [InlineData("mail me at x@example.com", "mail me at x@\u2060example.com")]
    [InlineData("a lone @ sign", "a lone @ sign")]
    [InlineData("ends with @", "ends with @")]
    public void Mentions_are_broken_with_a_word_joiner(string input, string expected) =>
        Assert.Equal(expected, TelegramHtml.BreakMentions(input));

    [Theory]
    [InlineData("https://example.com/a?b=c", "https://example.com/a?b=c")]
    [InlineData("http://example.com/", "http://example.com/")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("tg://user?id=1", null)]
    [InlineData("/relative", null)]
    [InlineData(null, null)]
    public void Only_http_links_become_hrefs(string? url, string? expected) =>
        Assert.Equal(expected, TelegramHtml.SafeHref(url));

    [Fact]
    public void Truncation_never_splits_a_surrogate_pair()
    {
        var text = "abcd😀efgh"; // the emoji sits at index 4-5
        var cut = TelegramHtml.Truncate(text, 6); // a naive cut would keep only the high surrogate at index 4
        Assert.DoesNotContain(cut, char.IsHighSurrogate);
        Assert.EndsWith("…", cut);
        Assert.True(cut.Length <= 6);
    }
}
