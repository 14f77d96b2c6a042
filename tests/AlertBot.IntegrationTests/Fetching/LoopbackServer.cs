using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AlertBot.IntegrationTests.Fetching;

/// <summary>A real Kestrel server on loopback port 0 (one listener per address) running one request delegate.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, IReadOnlyList<Uri> baseUris)
    {
        _app = app;
        BaseUris = baseUris;
    }

    public IReadOnlyList<Uri> BaseUris { get; }
    public Uri BaseUri => BaseUris[0];

    public Uri Url(string path, int listener = 0) => new(BaseUris[listener], path);

    public static Task<LoopbackServer> StartAsync(RequestDelegate handler) => StartAsync(handler, IPAddress.Loopback);

    public static async Task<LoopbackServer> StartAsync(RequestDelegate handler, params IPAddress[] addresses)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            foreach (var address in addresses) k.Listen(address, 0);
        });
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        // Kestrel reports listeners in the order they were configured.
        var uris = app.Urls.Select(u => new Uri(u.EndsWith('/') ? u : u + "/")).ToList();
        return new LoopbackServer(app, uris);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
