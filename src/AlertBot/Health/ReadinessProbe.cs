using AlertBot.Core.Health;
using AlertBot.Core.Storage;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace AlertBot.Health;

/// <summary>
/// What /readyz checks: the database takes a write lock, the scheduler runs (when this process schedules),
/// and every configured chat platform is connected. Each problem is named, never with a secret in it.
/// </summary>
public sealed class ReadinessProbe(Database database, IEnumerable<IPlatformReadiness> platforms, IServiceProvider services)
{
    /// <returns>What is not ready, by component; empty when everything is.</returns>
    public async Task<IReadOnlyDictionary<string, string>> NotReadyAsync(CancellationToken ct)
    {
        var problems = new SortedDictionary<string, string>(StringComparer.Ordinal);
        try
        {
            await using var connection = await database.OpenAsync(ct);
            // Takes the write lock and gives it back: proves the file is writable without changing it.
            await connection.ExecuteAsync("BEGIN IMMEDIATE; ROLLBACK;");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            problems["database"] = "not writable: " + ex.Message;
        }

        if (services.GetService<ISchedulerFactory>() is { } factory)
        {
            var scheduler = await factory.GetScheduler(ct);
            var status = await scheduler.GetStatus(ct);
            if (status != SchedulerStatus.Running) problems["scheduler"] = "not running (" + status.ToString().ToLowerInvariant() + ")";
        }

        foreach (var platform in platforms)
            if (platform.NotReadyReason is { } reason) problems[platform.Platform] = reason;
        return problems;
    }
}
