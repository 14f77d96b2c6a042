using Microsoft.Extensions.DependencyInjection;

namespace AlertBot.Core.Channels;

public static class ChannelsSetup
{
    /// <summary>Each channel's settings, the alerts they hold, and the gate that applies them to the outbox.</summary>
    public static IServiceCollection AddChannels(this IServiceCollection services)
    {
        services.AddSingleton<ChannelSettingsStore>();
        services.AddSingleton<HeldAlertStore>();
        services.AddSingleton<ChannelGate>();
        return services;
    }
}
