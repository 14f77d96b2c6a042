using AlertBot.Core.Health;
using AlertBot.Core.Commands;
using AlertBot.Core.Delivery;
using AlertBot.Core.Storage;
using AlertBot.Discord.Alerts;
using AlertBot.Discord.Gateway;
using AlertBot.Discord.Interactions;
using AlertBot.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertBot.Discord;

public static class DiscordSetup
{
    public const string HttpClientName = "discord";

    /// <summary>
    /// Adds Discord: options (section Discord, validated at start), the REST client, the
    /// <see cref="DiscordPlatform"/> as an <see cref="IChatPlatform"/>, and the gateway service. Needs an
    /// <see cref="ICommandHandler"/>; uses <see cref="IPlatformStateStore"/> when one is registered.
    /// </summary>
    public static IServiceCollection AddDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DiscordOptions>().Bind(configuration.GetSection(DiscordOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(HttpClientName);
        services.TryAddSingleton(GatewayTimings.Default);

        services.AddSingleton(sp => new DiscordRestClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<DiscordOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DiscordRestClient>>(),
            sp.GetService<BotMetrics>()));
        services.AddSingleton<DiscordReadiness>();
        services.AddSingleton<IPlatformReadiness>(sp => sp.GetRequiredService<DiscordReadiness>());
        services.AddSingleton(sp => new DiscordPlatform(sp.GetRequiredService<DiscordRestClient>(), sp.GetRequiredService<ILogger<DiscordPlatform>>()));
        services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<DiscordPlatform>());
        services.AddSingleton(sp => new InteractionResponder(
            sp.GetRequiredService<DiscordRestClient>(),
            sp.GetRequiredService<ICommandHandler>(),
            sp.GetRequiredService<IOptions<DiscordOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<InteractionResponder>>()));
        services.AddSingleton(sp => new CommandRegistrar(
            sp.GetRequiredService<DiscordRestClient>(),
            sp.GetRequiredService<IOptions<DiscordOptions>>().Value,
            sp.GetRequiredService<ILogger<CommandRegistrar>>(),
            sp.GetService<IPlatformStateStore>()));
        services.AddHostedService(sp => new DiscordBotService(
            onDispatch => new GatewayClient(
                sp.GetRequiredService<DiscordRestClient>(),
                sp.GetRequiredService<IOptions<DiscordOptions>>().Value,
                sp.GetRequiredService<GatewayTimings>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<GatewayClient>>(),
                onDispatch),
            sp.GetRequiredService<InteractionResponder>(),
            sp.GetRequiredService<CommandRegistrar>(),
            sp.GetRequiredService<IOptions<DiscordOptions>>().Value,
            sp.GetRequiredService<ILogger<DiscordBotService>>(),
            sp.GetRequiredService<DiscordReadiness>()));
        return services;
    }
}
