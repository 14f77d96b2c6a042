using System.Text.Json;
using AlertBot.Core.Health;
using AlertBot.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prometheus;

namespace AlertBot.Health;

/// <summary>
/// The operator's HTTP endpoint (only when Http:ListenUrl is set): /healthz (the process answers),
/// /readyz (JSON naming whatever is not ready; 503 until everything is) and /metrics (Prometheus text).
/// </summary>
public sealed class HttpEndpointService(
    IOptions<HttpOptions> options,
    ReadinessProbe readiness,
    BotMetrics metrics,
    OutboxStore outbox,
    TimeProvider time,
    ILogger<HttpEndpointService> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The addresses it listens on once started (tests bind port 0).</summary>
    public IReadOnlyList<string> ListeningUrls => _app?.Urls.ToList() ?? [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Value.ListenUrl!);
        builder.Logging.ClearProviders();
        _app = builder.Build();
        metrics.Registry.AddBeforeCollectCallback(UpdateOutboxGaugesAsync);
        _app.MapGet("/healthz", () => Results.Json(new { status = "alive" }));
        _app.MapGet("/readyz", (Func<HttpContext, Task<IResult>>)ReadyAsync);
        _app.MapMetrics("/metrics", metrics.Registry);
        await _app.StartAsync(cancellationToken);
        logger.LogInformation("Health and metrics endpoint listening on {Urls} (/healthz, /readyz, /metrics)", string.Join(", ", _app.Urls));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null) await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    private async Task<IResult> ReadyAsync(HttpContext context)
    {
        var problems = await readiness.NotReadyAsync(context.RequestAborted);
        return problems.Count == 0
            ? Results.Json(new { ready = true })
            : Results.Json(new { ready = false, notReady = problems }, JsonSerializerOptions.Web, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private async Task UpdateOutboxGaugesAsync(CancellationToken ct)
    {
        var (count, oldest) = await outbox.PendingStatsAsync(ct);
        metrics.OutboxPending.Set(count);
        metrics.OutboxOldestPendingSeconds.Set(oldest is { } at ? Math.Max(0, (time.GetUtcNow() - at).TotalSeconds) : 0);
    }
}
