using AlertBot.Core.Commands;
using AlertBot.Core.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlertBot.Health;

public static class HealthSetup
{
    /// <summary>
    /// Metrics for every run mode (stages count into <see cref="BotMetrics"/>; commands are counted on their
    /// way through), and the HTTP endpoint when Http:ListenUrl is set. Call after AddCommands.
    /// </summary>
    public static IServiceCollection AddHealth(this IServiceCollection services, IConfiguration configuration, bool endpoint)
    {
        services.AddSingleton<BotMetrics>();
        MeterCommands(services);
        services.AddOptions<HttpOptions>().Bind(configuration.GetSection(HttpOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HttpOptions>, HttpOptionsValidator>();
        if (!endpoint || string.IsNullOrWhiteSpace(configuration.GetSection(HttpOptions.SectionName)[nameof(HttpOptions.ListenUrl)])) return services;
        services.AddSingleton<ReadinessProbe>();
        services.AddSingleton<HttpEndpointService>();
        services.AddHostedService(sp => sp.GetRequiredService<HttpEndpointService>());
        return services;
    }

    // Wraps whatever ICommandHandler is registered so far (the dispatcher) in the counting handler.
    private static void MeterCommands(IServiceCollection services)
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(ICommandHandler));
        Func<IServiceProvider, object>? create = inner switch
        {
            { ImplementationFactory: { } factory } => factory,
            { ImplementationType: { } type } => sp => ActivatorUtilities.CreateInstance(sp, type),
            { ImplementationInstance: { } instance } => _ => instance,
            _ => null,
        };
        if (inner is null || create is null) return;
        services.Remove(inner);
        services.AddSingleton<ICommandHandler>(sp => new MeteredCommandHandler((ICommandHandler)create(sp), sp.GetRequiredService<BotMetrics>()));
    }
}
