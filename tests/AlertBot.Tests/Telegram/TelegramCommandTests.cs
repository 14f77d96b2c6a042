using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using AlertBot.Telegram.Formatting;

namespace AlertBot.Tests.Telegram;

public class TelegramCommandTests
{
    private static MessageEntity Command(int length, int offset = 0) => new() { Type = MessageEntityType.BotCommand, Offset = offset, Length = length };

    [Theory]
    [InlineData("/subscribe nk-russia troops", 10, "subscribe", "nk-russia troops", false)]
    [InlineData("/subscribe@AlertTestBot nk-russia troops", 23, "subscribe", "nk-russia troops", true)]
    [InlineData("/Subscribe@alerttestbot   x  ", 23, "subscribe", "x", true)]
    [InlineData("/help", 5, "help", "", false)]
    [InlineData("/latest nk-russia\n3", 7, "latest", "nk-russia\n3", false)]
    public void Bot_command_entities_become_name_and_arguments(string text, int length, string name, string args, bool addressed)
    {
        var command = TelegramCommand.Parse(text, [Command(length)], "AlertTestBot");
        Assert.Equal(new TelegramCommand(name, args, addressed), command);
    }

    [Fact]
    public void A_command_for_another_bot_is_ignored() =>
        Assert.Null(TelegramCommand.Parse("/subscribe@OtherBot x", [Command(19)], "AlertTestBot"));

    [Fact]
    public void A_command_not_at_the_start_is_not_a_command() =>
        Assert.Null(TelegramCommand.Parse("see /help", [Command(5, offset: 4)], "AlertTestBot"));

    [Fact]
    public void Arguments_with_emoji_and_non_bmp_text_are_cut_at_utf16_offsets()
    {
        // 𝐍 (U+1D40D) and 🇰🇵 are several UTF-16 units each; the entity covers "/subscribe@AlertTestBot" only.
        var text = "/subscribe@AlertTestBot nk-russia 🇰🇵 𝐍orth \"troops\"";
        var command = TelegramCommand.Parse(text, [Command("/subscribe@AlertTestBot".Length)], "AlertTestBot");
        Assert.Equal("nk-russia 🇰🇵 𝐍orth \"troops\"", command?.Arguments);
    }

    [Fact]
    public void Entity_offsets_after_emoji_count_utf16_units_not_code_points()
    {
        // Telegram would report the mention at offset 3: "😀" is two UTF-16 units, then a space.
        var text = "😀 @somebody hi";
        var mention = new MessageEntity { Type = MessageEntityType.Mention, Offset = 3, Length = 9 };
        Assert.Equal("@somebody", text.Substring(mention.Offset, mention.Length));
        // A command hidden after an emoji is not at offset 0, so it is not run.
        Assert.Null(TelegramCommand.Parse("😀 /help", [Command(5, offset: 3)], "AlertTestBot"));
    }

    [Fact]
    public void Entity_longer_than_the_text_is_rejected_not_thrown() =>
        Assert.Null(TelegramCommand.Parse("/he", [Command(40)], "AlertTestBot"));

    [Theory]
    [InlineData("/topics", "topics")]
    [InlineData("/topics@AlertTestBot extra", "topics")]
    public void Text_without_entities_starting_with_a_slash_is_accepted(string text, string name) =>
        Assert.Equal(name, TelegramCommand.Parse(text, null, "AlertTestBot")?.Name);

    [Theory]
    [InlineData("hello")]
    [InlineData("/")]
    [InlineData("/bad-name x")]
    [InlineData("")]
    public void Text_that_is_no_command_gives_null(string text) =>
        Assert.Null(TelegramCommand.Parse(text, null, "AlertTestBot"));
}
