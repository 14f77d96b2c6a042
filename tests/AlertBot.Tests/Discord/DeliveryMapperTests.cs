using AlertBot.Core.Delivery;
using AlertBot.Discord.Alerts;
using AlertBot.Discord.Rest;

namespace AlertBot.Tests.Discord;

public class DeliveryMapperTests
{
    [Theory]
    [InlineData(404, """{"code":10003,"message":"Unknown Channel"}""", typeof(DeliveryResult.TargetGone))]
    [InlineData(403, """{"code":50001,"message":"Missing Access"}""", typeof(DeliveryResult.TargetGone))]
    [InlineData(403, """{"code":50013,"message":"Missing Permissions"}""", typeof(DeliveryResult.TargetGone))]
    [InlineData(403, """{"code":50007,"message":"Cannot send messages to this user"}""", typeof(DeliveryResult.TargetGone))]
    [InlineData(400, """{"code":50035,"message":"Invalid Form Body","errors":{}}""", typeof(DeliveryResult.Rejected))]
    [InlineData(429, """{"message":"You are being rate limited.","retry_after":1.5,"global":false}""", typeof(DeliveryResult.RetryLater))]
    [InlineData(502, "<html>bad gateway</html>", typeof(DeliveryResult.RetryLater))]
    [InlineData(500, "", typeof(DeliveryResult.RetryLater))]
    [InlineData(401, """{"code":0,"message":"401: Unauthorized"}""", typeof(DeliveryResult.RetryLater))]
    [InlineData(0, "", typeof(DeliveryResult.RetryLater))]
    [InlineData(200, """{"id":"555"}""", typeof(DeliveryResult.Delivered))]
    public void Discord_errors_map_to_outbox_outcomes(int status, string body, Type expected)
    {
        Assert.IsType(expected, DeliveryMapper.Map(DiscordResponse.From(status, body)));
    }

    [Fact]
    public void Delivered_carries_the_message_id()
    {
        var result = Assert.IsType<DeliveryResult.Delivered>(DeliveryMapper.Map(DiscordResponse.From(200, """{"id":"555","channel_id":"1"}""")));

        Assert.Equal("555", result.PlatformMessageId);
    }
}
