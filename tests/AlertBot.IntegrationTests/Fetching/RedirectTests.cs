using System.Net;
using AlertBot.Core.Feeds;
using Microsoft.AspNetCore.Http;

namespace AlertBot.IntegrationTests.Fetching;

public class RedirectTests
{
    /// <summary>"/hop/{n}/{status}" redirects with that status to hop n-1; "/hop/0/…" serves the feed.</summary>
    private static Task<LoopbackServer> ChainServer() => LoopbackServer.StartAsync(async context =>
    {
        var parts = context.Request.Path.Value!.Trim('/').Split('/');
        var remaining = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var statuses = parts[2].Split('-');
        if (remaining == 0)
        {
            await context.Response.WriteAsync(FetchTestOptions.Rss);
            return;
        }
        context.Response.StatusCode = int.Parse(statuses[(remaining - 1) % statuses.Length], System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers.Location = $"/hop/{remaining - 1}/{parts[2]}"; // relative, resolved by the fetcher
    });

    [Fact]
    public async Task Five_redirects_are_followed()
    {
        await using var server = await ChainServer();
        using var fetcher = FetchTestOptions.Fetcher(FetchTestOptions.Loopback());

        var result = Assert.IsType<FetchResult.Fetched>(await fetcher.FetchAsync(server.Url("hop/5/302")));
        Assert.Equal(server.Url("hop/0/302"), result.FinalUrl);
        Assert.False(result.MovedPermanently);
    }

    [Fact]
    public async Task A_sixth_redirect_is_refused()
    {
        await using var server = await ChainServer();
        using var fetcher = FetchTestOptions.Fetcher(FetchTestOptions.Loopback());

        var failed = Assert.IsType<FetchResult.Failed>(await fetcher.FetchAsync(server.Url("hop/6/302")));
        Assert.Contains("too many redirects", failed.Error);
    }

    [Theory]
    [InlineData("301", true)]
    [InlineData("308", true)]
    [InlineData("301-308", true)]
    [InlineData("301-302", false)]
    [InlineData("307", false)]
    [InlineData("303", false)]
    public async Task Only_a_chain_of_permanent_redirects_moves_the_source(string statuses, bool moved)
    {
        await using var server = await ChainServer();
        using var fetcher = FetchTestOptions.Fetcher(FetchTestOptions.Loopback());

        var result = Assert.IsType<FetchResult.Fetched>(await fetcher.FetchAsync(server.Url($"hop/2/{statuses}")));
        Assert.Equal(moved, result.MovedPermanently);
        Assert.Equal(server.Url($"hop/0/{statuses}"), result.FinalUrl);
    }

    [Fact]
    public async Task A_permanent_redirect_to_a_304_still_reports_the_move()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (context.Request.Path == "/old")
            {
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = "/new";
            }
            else context.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        });
        using var fetcher = FetchTestOptions.Fetcher(FetchTestOptions.Loopback());

        var result = Assert.IsType<FetchResult.NotModified>(await fetcher.FetchAsync(server.Url("old"), "\"x\""));
        Assert.True(result.MovedPermanently);
        Assert.Equal(server.Url("new"), result.FinalUrl);
    }

    [Fact]
    public async Task A_redirect_to_a_file_url_is_refused()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = "file:///etc/passwd";
            return Task.CompletedTask;
        });
        using var fetcher = FetchTestOptions.Fetcher(FetchTestOptions.Loopback());

        var failed = Assert.IsType<FetchResult.Failed>(await fetcher.FetchAsync(server.Url("feed")));
        Assert.Contains("not an http(s) address", failed.Error);
    }

    [Fact]
    public async Task A_redirect_to_an_address_outside_the_allow_list_is_refused_at_connect()
    {
        var internalHits = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Connection.LocalIpAddress!.Equals(IPAddress.Parse("127.0.0.2")))
            {
                Interlocked.Increment(ref internalHits);
                await context.Response.WriteAsync(FetchTestOptions.Rss);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = $"http://127.0.0.2:{context.Request.Query["port"]}/secret";
        }, IPAddress.Loopback, IPAddress.Parse("127.0.0.2"));
        // Only 127.0.0.1 is allow-listed: the public-facing server may be reached, its internal neighbour may not.
        using var fetcher = FetchTestOptions.Fetcher(new() { AllowedNetworks = ["127.0.0.1/32"] });

        var failed = Assert.IsType<FetchResult.Failed>(await fetcher.FetchAsync(server.Url($"feed?port={server.BaseUris[1].Port}")));
        Assert.Contains("127.0.0.2", failed.Error);
        Assert.Contains("loopback", failed.Error);
        Assert.True(failed.Permanent);
        Assert.Equal(0, internalHits);
    }
}
