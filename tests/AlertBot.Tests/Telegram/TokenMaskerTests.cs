using AlertBot.Telegram.Client;

namespace AlertBot.Tests.Telegram;

public class TokenMaskerTests
{
    private const string Token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

    [Theory]
    [InlineData("POST https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage failed", "POST https://api.telegram.org/bot<token>/sendMessage failed")]
    [InlineData("escaped 123456789%3AAAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw here", "escaped <token> here")]
    [InlineData("secret alone AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", "secret alone <token>")]
    [InlineData("nothing to hide", "nothing to hide")]
    public void The_token_is_masked_in_every_form(string input, string expected)
    {
        var masker = new TokenMasker(Token);
        Assert.Equal(expected, masker.Apply(input));
        Assert.False(masker.Contains(masker.Apply(input)));
    }
}
