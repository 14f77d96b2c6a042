using AlertBot.Core.Feeds;
using AlertBot.Core.Feeds.Fetching;
using Microsoft.AspNetCore.Http;

namespace AlertBot.IntegrationTests.Fetching;

public class AddressGuardTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task Loopback_is_refused_unless_allow_listed(string host)
    {
        var hits = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            Interlocked.Increment(ref hits);
            await context.Response.WriteAsync(FetchTestOptions.Rss);
        });
        using var fetcher = FetchTestOptions.Fetcher(new FetchOptions());

        var failed = Assert.IsType<FetchResult.Failed>(await fetcher.FetchAsync(new Uri($"http://{host}:{server.BaseUri.Port}/feed")));
        Assert.True(failed.Permanent);
        Assert.Contains("loopback", failed.Error);
        Assert.Contains("Fetch:AllowedNetworks", failed.Error);
        Assert.Equal(0, hits);
    }

    [Fact]
    public async Task An_allow_listed_host_name_is_fetched()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Response.WriteAsync(FetchTestOptions.Rss));
        using var fetcher = FetchTestOptions.Fetcher(new FetchOptions { AllowedHosts = ["localhost"] });

        Assert.IsType<FetchResult.Fetched>(await fetcher.FetchAsync(new Uri($"http://localhost:{server.BaseUri.Port}/feed")));
    }

    [Theory]
    [InlineData("http://[::ffff:127.0.0.1]:1/feed")]
    [InlineData("http://0.0.0.0:1/feed")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.0.0.1/feed")]
    public async Task Internal_literal_addresses_are_refused_before_any_packet_is_sent(string url)
    {
        using var fetcher = FetchTestOptions.Fetcher(new FetchOptions());

        var failed = Assert.IsType<FetchResult.Failed>(await fetcher.FetchAsync(new Uri(url)));
        Assert.True(failed.Permanent);
        Assert.StartsWith("refused to fetch", failed.Error);
    }

    [Fact]
    public async Task File_urls_are_read_when_allowed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"alertbot-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(path, FetchTestOptions.Rss);
        try
        {
            using var fetcher = FetchTestOptions.Fetcher(new FetchOptions());
            var result = Assert.IsType<FetchResult.Fetched>(await fetcher.FetchAsync(new Uri(path)));
            Assert.Equal(FetchTestOptions.Rss, System.Text.Encoding.UTF8.GetString(result.Body));

            using var strict = FetchTestOptions.Fetcher(new FetchOptions { AllowFileUrls = false });
            var refused = Assert.IsType<FetchResult.Failed>(await strict.FetchAsync(new Uri(path)));
            Assert.Contains("AllowFileUrls", refused.Error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Other_schemes_are_refused()
    {
        using var fetcher = FetchTestOptions.Fetcher(new FetchOptions());
        var failed = Assert.IsType<FetchResult.Failed>(await fetcher.FetchAsync(new Uri("ftp://example.org/feed.xml")));
        Assert.True(failed.Permanent);
    }
}
