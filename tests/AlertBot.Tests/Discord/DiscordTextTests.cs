using AlertBot.Discord.Alerts;

namespace AlertBot.Tests.Discord;

public class DiscordTextTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("**bold** _it_ ~~s~~ `c` ||sp||", @"\*\*bold\*\* \_it\_ \~\~s\~\~ \`c\` \|\|sp\|\|")]
    [InlineData("[click](https://evil)", @"\[click\](https://evil)")]
    [InlineData("# heading", @"\# heading")]
    [InlineData("> quote\n- item", "\\> quote\n\\- item")]
    [InlineData("a - b > c # d", "a - b > c # d")]
    [InlineData("back\\slash", @"back\\slash")]
    [InlineData("<@123> <@&9> <#5>", @"\<@123> \<@&9> \<#5>")]
    [InlineData("hi @everyone and @here", "hi @\u200Beveryone and @\u200Bhere")]
    [InlineData("mail me@hereford.com", "mail me@hereford.com")]
    public void Feed_text_is_escaped_so_it_renders_literally_and_never_pings(string input, string expected)
    {
        Assert.Equal(expected, DiscordText.Escape(input));
    }

    [Fact]
    public void Short_text_is_not_trimmed()
    {
        Assert.Equal("short", DiscordText.Trim("  short ", 10));
    }

    [Fact]
    public void Long_text_is_cut_on_a_word_boundary_with_an_ellipsis()
    {
        var trimmed = DiscordText.Trim("The quick brown fox jumps over the lazy dog", 20);

        Assert.Equal("The quick brown fox…", trimmed);
        Assert.True(trimmed.Length <= 20);
    }

    [Fact]
    public void A_single_long_word_is_hard_cut()
    {
        var trimmed = DiscordText.Trim(new string('x', 50), 10);

        Assert.Equal(new string('x', 9) + "…", trimmed);
    }

    [Fact]
    public void Trim_never_splits_a_surrogate_pair()
    {
        var text = new string('a', 8) + "😀😀😀";
        var trimmed = DiscordText.Trim(text, 10);

        Assert.True(trimmed.Length <= 10);
        Assert.False(char.IsHighSurrogate(trimmed[^2]));
    }

    [Fact]
    public void Trim_never_leaves_a_dangling_escape()
    {
        var escaped = DiscordText.Escape(new string('*', 30));
        var trimmed = DiscordText.Trim(escaped, 10);

        Assert.EndsWith("…", trimmed);
        Assert.Equal(0, trimmed.TrimEnd('…').Length % 2);
    }

    [Fact]
    public void Split_prefers_paragraphs_then_words_and_respects_the_limit()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("word", 300));
        var text = paragraph + "\n\n" + paragraph;
        var chunks = DiscordText.Split(text, 2000);

        Assert.All(chunks, c => Assert.True(c.Length <= 2000));
        Assert.Equal(text.Replace("\n\n", " ", StringComparison.Ordinal).Split(' ').Length,
            string.Join(' ', chunks).Replace("\n\n", " ", StringComparison.Ordinal).Split(' ').Length);
        Assert.All(chunks, c => Assert.DoesNotContain("wor d", c, StringComparison.Ordinal));
        Assert.Equal(paragraph, chunks[0]);
    }
}
