using System.Net;
using System.Net.Sockets;
using AlertBot.Core.Feeds;

namespace AlertBot.IntegrationTests.Fetching;

public class LimitTests
{
    [Fact]
    public async Task A_body_that_never_ends_is_cut_off_while_streaming_at_the_default_10_MiB()
    {
        using var release = new CancellationTokenSource();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var chunk = new byte[64 * 1024];
            try
            {
                // 11 MiB without a Content-Length, then the body stays open: only a reader that counts while
                // streaming can answer before the (30 s) timeout, and it must answer "too large", not "timed out".
                for (var i = 0; i < 176; i++) await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(Timeout.Infinite, CancellationTokenSource.CreateLinkedTokenSource(release.Token, context.RequestAborted).Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException) { }
        });
        using var fetcher = FetchTestOptions.Fetcher(FetchTestOptions.Loopback());

        var failed = Assert.IsType<FetchResult.Failed>(await fetcher.FetchAsync(server.Url("huge")));
        release.Cancel();
        Assert.Contains("larger than 10 MiB", failed.Error);
    }

    [Fact]
    public async Task A_declared_length_over_the_cap_is_refused_before_reading()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentLength = 2048;
            await context.Response.Body.WriteAsync(new byte[2048]);
        });
        using var fetcher = FetchTestOptions.Fetcher(FetchTestOptions.Loopback(o => o.MaxBodyBytes = 1024));

        var failed = Assert.IsType<FetchResult.Failed>(await fetcher.FetchAsync(server.Url("big")));
        Assert.Contains("larger than 1024 bytes", failed.Error);
    }

    [Fact]
    public async Task A_body_exactly_at_the_cap_is_accepted()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Response.Body.WriteAsync(new byte[1024]).AsTask());
        using var fetcher = FetchTestOptions.Fetcher(FetchTestOptions.Loopback(o => o.MaxBodyBytes = 1024));

        Assert.Equal(1024, Assert.IsType<FetchResult.Fetched>(await fetcher.FetchAsync(server.Url("exact"))).Body.Length);
    }

    [Fact]
    public async Task A_server_that_trickles_bytes_is_cut_off_by_the_total_timeout()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            try
            {
                // Each byte arrives well within any read timeout; only a total deadline stops this.
                for (var i = 0; i < 600; i++)
                {
                    await context.Response.Body.WriteAsync("<"u8.ToArray(), context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                    await Task.Delay(100, context.RequestAborted);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException) { }
        });
        using var fetcher = FetchTestOptions.Fetcher(FetchTestOptions.Loopback(o =>
        {
            o.Timeout = TimeSpan.FromSeconds(1);
            o.ConnectTimeout = TimeSpan.FromSeconds(1);
        }));

        var failed = Assert.IsType<FetchResult.Failed>(await fetcher.FetchAsync(server.Url("slow")));
        Assert.Contains("timed out", failed.Error);
    }

    [Fact]
    public async Task A_host_that_never_accepts_the_connection_hits_the_connect_timeout()
    {
        // A listener that never accepts, with its backlog filled: further SYNs are dropped, so connects hang.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var fillers = new List<Socket>();
        try
        {
            for (var i = 0; i < 8; i++)
            {
                var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                fillers.Add(filler);
                using var quick = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
                try { await filler.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), quick.Token); }
                catch (OperationCanceledException) { break; } // the backlog is full
            }
            using var fetcher = FetchTestOptions.Fetcher(FetchTestOptions.Loopback(o =>
            {
                o.ConnectTimeout = TimeSpan.FromMilliseconds(500);
                o.Timeout = TimeSpan.FromSeconds(20);
            }));

            var failed = Assert.IsType<FetchResult.Failed>(await fetcher.FetchAsync(new Uri($"http://127.0.0.1:{port}/feed")));
            Assert.Equal("could not connect to 127.0.0.1 within 0.5 s", failed.Error);
        }
        finally
        {
            foreach (var filler in fillers) filler.Dispose();
        }
    }
}
