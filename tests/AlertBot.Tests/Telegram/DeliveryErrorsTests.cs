using AlertBot.Core.Delivery;
using AlertBot.Telegram.Adapter;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace AlertBot.Tests.Telegram;

public class DeliveryErrorsTests
{
    [Theory]
    [InlineData(403, "Forbidden: bot was blocked by the user", typeof(DeliveryResult.TargetGone))]
    [InlineData(403, "Forbidden: bot was kicked from the supergroup chat", typeof(DeliveryResult.TargetGone))]
    [InlineData(400, "Bad Request: chat not found", typeof(DeliveryResult.TargetGone))]
    [InlineData(400, "Bad Request: message is too long", typeof(DeliveryResult.Rejected))]
    [InlineData(429, "Too Many Requests: retry after 7", typeof(DeliveryResult.RetryLater))]
    [InlineData(502, "Bad Gateway", typeof(DeliveryResult.RetryLater))]
    [InlineData(401, "Unauthorized", typeof(DeliveryResult.RetryLater))]
    public void Api_errors_map_to_outbox_outcomes(int code, string description, Type expected) =>
        Assert.IsType(expected, DeliveryErrors.ToResult(new ApiRequestException(description, code)));

    [Fact]
    public void Migration_carries_the_new_chat_id()
    {
        var result = DeliveryErrors.ToResult(new ApiRequestException("Bad Request: group chat was upgraded to a supergroup chat", 400, new ResponseParameters { MigrateToChatId = -1001234567890 }));
        Assert.Equal(new DeliveryResult.TargetMoved("-1001234567890"), result);
    }

    [Fact]
    public void Rate_limit_carries_retry_after()
    {
        var result = DeliveryErrors.ToResult(new ApiRequestException("Too Many Requests", 429, new ResponseParameters { RetryAfter = 7 }));
        Assert.Equal(TimeSpan.FromSeconds(7), Assert.IsType<DeliveryResult.RetryLater>(result).After);
    }

    [Fact]
    public void Network_failures_are_retried_later() =>
        Assert.IsType<DeliveryResult.RetryLater>(DeliveryErrors.ToResult(new RequestException("connection refused")));
}
