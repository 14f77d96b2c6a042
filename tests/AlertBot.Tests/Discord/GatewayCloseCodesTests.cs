using AlertBot.Discord.Gateway;

namespace AlertBot.Tests.Discord;

public class GatewayCloseCodesTests
{
    [Theory]
    [InlineData(null, "Resume")]
    [InlineData(1000, "Resume")]
    [InlineData(1006, "Resume")]
    [InlineData(4000, "Resume")]
    [InlineData(4001, "Resume")]
    [InlineData(4002, "Resume")]
    [InlineData(4003, "Resume")]
    [InlineData(4005, "Resume")]
    [InlineData(4008, "Resume")]
    [InlineData(4007, "Reidentify")]
    [InlineData(4009, "Reidentify")]
    [InlineData(4004, "Fatal")]
    [InlineData(4010, "Fatal")]
    [InlineData(4011, "Fatal")]
    [InlineData(4012, "Fatal")]
    [InlineData(4013, "Fatal")]
    [InlineData(4014, "Fatal")]
    public void Close_codes_decide_between_resume_reidentify_and_stop(int? code, string expected)
    {
        Assert.Equal(expected, GatewayCloseCodes.Classify(code, null).Kind.ToString());
    }

    [Theory]
    [InlineData(4004, "ALERTBOT__DISCORD__TOKEN")]
    [InlineData(4010, "ShardId")]
    [InlineData(4011, "ShardCount")]
    [InlineData(4014, "privileged intent")]
    public void Fatal_closes_say_what_to_fix(int code, string hint)
    {
        Assert.Contains(hint, GatewayCloseCodes.Classify(code, null).Reason, StringComparison.Ordinal);
    }
}
