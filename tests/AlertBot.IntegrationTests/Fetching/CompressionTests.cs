using System.IO.Compression;
using System.Text;
using AlertBot.Core.Feeds;

namespace AlertBot.IntegrationTests.Fetching;

public class CompressionTests
{
    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task Compressed_bodies_arrive_decoded(string encoding)
    {
        var feed = string.Concat(Enumerable.Repeat(FetchTestOptions.Rss, 50));
        string? accepted = null;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            accepted = context.Request.Headers.AcceptEncoding;
            context.Response.Headers.ContentEncoding = encoding;
            var compressed = Compress(Encoding.UTF8.GetBytes(feed), encoding);
            context.Response.ContentLength = compressed.Length;
            await context.Response.Body.WriteAsync(compressed);
        });
        using var fetcher = FetchTestOptions.Fetcher(FetchTestOptions.Loopback());

        var result = Assert.IsType<FetchResult.Fetched>(await fetcher.FetchAsync(server.Url("feed")));
        Assert.Equal(feed, Encoding.UTF8.GetString(result.Body));
        Assert.Contains(encoding, accepted);
    }

    [Fact]
    public async Task A_compression_bomb_is_cut_off_at_the_decompressed_size_cap()
    {
        var bomb = Compress(new byte[64 * 1024 * 1024], "gzip"); // 64 MiB of zeros, about 64 KiB on the wire
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(bomb);
        });
        using var fetcher = FetchTestOptions.Fetcher(FetchTestOptions.Loopback());

        var failed = Assert.IsType<FetchResult.Failed>(await fetcher.FetchAsync(server.Url("feed")));
        Assert.Contains("larger than 10 MiB", failed.Error);
    }

    internal static byte[] Compress(byte[] data, string encoding)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true), // HTTP "deflate" is zlib-wrapped
            "br" => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
        })
        {
            compressor.Write(data);
        }
        return output.ToArray();
    }
}
