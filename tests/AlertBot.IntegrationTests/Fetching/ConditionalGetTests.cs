using System.Text;
using AlertBot.Core.Feeds;
using Microsoft.AspNetCore.Http;

namespace AlertBot.IntegrationTests.Fetching;

public class ConditionalGetTests
{
    private const string ETag = "\"v1-abc\"";
    private const string LastModified = "Wed, 18 Nov 2026 10:00:00 GMT";

    [Fact]
    public async Task Validators_from_a_200_are_returned_and_a_conditional_request_gets_304()
    {
        string? seenIfNoneMatch = null, seenIfModifiedSince = null;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            seenIfNoneMatch = context.Request.Headers.IfNoneMatch;
            seenIfModifiedSince = context.Request.Headers.IfModifiedSince;
            if (context.Request.Headers.IfNoneMatch == ETag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            context.Response.Headers.ETag = ETag;
            context.Response.Headers.LastModified = LastModified;
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            await context.Response.WriteAsync(FetchTestOptions.Rss);
        });
        using var fetcher = FetchTestOptions.Fetcher(FetchTestOptions.Loopback());

        var first = Assert.IsType<FetchResult.Fetched>(await fetcher.FetchAsync(server.Url("feed")));
        Assert.Equal(ETag, first.ETag);
        Assert.Equal(LastModified, first.LastModified);
        Assert.Equal("application/rss+xml; charset=utf-8", first.ContentType);
        Assert.Equal(FetchTestOptions.Rss, Encoding.UTF8.GetString(first.Body));
        Assert.Null(seenIfNoneMatch);

        var second = await fetcher.FetchAsync(server.Url("feed"), first.ETag, first.LastModified);
        Assert.IsType<FetchResult.NotModified>(second);
        Assert.Equal(ETag, seenIfNoneMatch);
        Assert.Equal(LastModified, seenIfModifiedSince);
    }

    [Fact]
    public async Task Last_modified_alone_is_enough_for_a_304()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Headers.IfModifiedSince == LastModified)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            context.Response.Headers.LastModified = LastModified;
            await context.Response.WriteAsync(FetchTestOptions.Rss);
        });
        using var fetcher = FetchTestOptions.Fetcher(FetchTestOptions.Loopback());

        var first = Assert.IsType<FetchResult.Fetched>(await fetcher.FetchAsync(server.Url("feed")));
        Assert.Null(first.ETag);
        Assert.IsType<FetchResult.NotModified>(await fetcher.FetchAsync(server.Url("feed"), first.ETag, first.LastModified));
    }

    [Fact]
    public async Task The_user_agent_names_the_bot()
    {
        string? userAgent = null;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            userAgent = context.Request.Headers.UserAgent;
            await context.Response.WriteAsync(FetchTestOptions.Rss);
        });
        using var fetcher = FetchTestOptions.Fetcher(FetchTestOptions.Loopback());

        Assert.IsType<FetchResult.Fetched>(await fetcher.FetchAsync(server.Url("feed")));
        Assert.Equal("AlertBot/1.0 (+https://github.com/alertbot)", userAgent);
    }
}
