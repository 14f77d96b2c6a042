using AlertBot.Core.Pipeline;
using Microsoft.Extensions.Hosting;

namespace AlertBot.Hosting;

/// <summary>Registered first, so the database and matcher are ready before jobs and platforms start.</summary>
public sealed class InitializerService(BotInitializer initializer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initializer.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
