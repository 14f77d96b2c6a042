using AlertBot.Core.Commands;

namespace AlertBot.Tests.Commands;

public class ReplyTextTests
{
    [Theory]
    [InlineData("nk-russia", "nk-russia")]
    [InlineData("a\u202Eb\u202Cc", "abc")]                 // right-to-left override and its pop
    [InlineData("zero\u200Bwidth\u200Djoin\u2060er", "zerowidthjoiner")]
    [InlineData("line\nbreak\r\n\tand   spaces", "line break and spaces")]
    [InlineData("\u200F\u061Cmarks\u200E", "marks")]      // right-to-left, Arabic and left-to-right marks
    [InlineData("soft\u00ADhyphen\uFEFF", "softhyphen")]
    [InlineData("hangul\u3164filler", "hangulfiller")]
    [InlineData("Москва 🇰🇵", "Москва 🇰🇵")]
    public void Echoed_input_loses_invisible_and_reordering_characters(string typed, string echoed) =>
        Assert.Equal(echoed, ReplyText.Echo(typed));

    [Fact]
    public void Long_input_is_cut_to_sixty_characters_with_an_ellipsis()
    {
        var echoed = ReplyText.Echo(new string('a', 10_000));
        Assert.Equal(new string('a', 60) + "…", echoed);
        Assert.Equal(new string('b', 60), ReplyText.Echo(new string('b', 60)));
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var echoed = ReplyText.Echo(string.Concat(Enumerable.Repeat("𝐍", 100)));
        Assert.EndsWith("𝐍…", echoed, StringComparison.Ordinal);
        Assert.Equal(61 * 2 - 1, echoed.Length);
    }
}
