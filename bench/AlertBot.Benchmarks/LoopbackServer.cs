using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AlertBot.Benchmarks;

/// <summary>A Kestrel server without logging on port 0 of each given loopback address, answering every request with <paramref name="handler"/>.</summary>
internal static class LoopbackServer
{
    public static async Task<WebApplication> StartAsync(IPAddress[] addresses, RequestDelegate handler)
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
        return app;
    }
}
