using AlertBot.Discord.Rest;

namespace AlertBot.Tests.Discord;

public class RouteKeyTests
{
    [Theory]
    [InlineData("POST", "/channels/123/messages", "POST /channels/{channel_id}/messages", "123")]
    [InlineData("PATCH", "/channels/123/messages/456", "PATCH /channels/{channel_id}/messages/{id}", "123")]
    [InlineData("PUT", "/applications/9/guilds/77/commands", "PUT /applications/{id}/guilds/{id}/commands", "")]
    [InlineData("PUT", "/guilds/77/members/5", "PUT /guilds/{guild_id}/members/{id}", "77")]
    [InlineData("POST", "/interactions/42/tok-en/callback", "POST /interactions/{id}/{token}/callback", "")]
    [InlineData("PATCH", "/webhooks/9/abc/messages/@original", "PATCH /webhooks/{webhook_id}/{token}/messages/@original", "9/abc")]
    [InlineData("GET", "/gateway/bot", "GET /gateway/bot", "")]
    [InlineData("POST", "/users/@me/channels", "POST /users/@me/channels", "")]
    [InlineData("GET", "/channels/123/messages?limit=5", "GET /channels/{channel_id}/messages", "123")]
    public void Route_template_and_major_parameter_are_derived_from_the_path(string method, string path, string route, string major)
    {
        var key = RouteKey.For(new HttpMethod(method), path);

        Assert.Equal(route, key.Route);
        Assert.Equal(major, key.Major);
    }

    [Fact]
    public void Two_channels_share_a_template_but_not_a_key()
    {
        var a = RouteKey.For(HttpMethod.Post, "/channels/1/messages");
        var b = RouteKey.For(HttpMethod.Post, "/channels/2/messages");

        Assert.Equal(a.Route, b.Route);
        Assert.NotEqual(a.ToString(), b.ToString());
    }
}
