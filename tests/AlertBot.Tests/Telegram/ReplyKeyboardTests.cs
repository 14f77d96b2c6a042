using AlertBot.Core.Commands;
using AlertBot.Telegram.Formatting;

namespace AlertBot.Tests.Telegram;

public class ReplyKeyboardTests
{
    [Fact]
    public void Each_action_becomes_a_button_whose_data_is_its_command_line()
    {
        var keyboard = ReplyKeyboard.For([new ReplyAction("Send them as one digest", "/channel resume digest"), new ReplyAction("Confirm", "/topic remove nk confirm")]);

        var buttons = keyboard!.InlineKeyboard.SelectMany(row => row).ToList();
        Assert.Equal(["cmd:channel resume digest", "cmd:topic remove nk confirm"], buttons.Select(b => b.CallbackData));
        Assert.Equal("Send them as one digest", buttons[0].Text);
    }

    [Fact]
    public void No_actions_or_data_too_long_for_telegram_give_no_keyboard()
    {
        Assert.Null(ReplyKeyboard.For([]));
        Assert.Null(ReplyKeyboard.For([new ReplyAction("Too long", "/topic remove " + new string('x', 60) + " confirm")]));
    }

    [Theory]
    [InlineData("cmd:channel resume digest", "/channel resume digest")]
    [InlineData("unsub:4", null)]
    [InlineData("cmd:", null)]
    [InlineData(null, null)]
    public void Only_command_buttons_are_read_back(string? data, string? command) =>
        Assert.Equal(command, ReplyKeyboard.Parse(data)?.Command);
}
