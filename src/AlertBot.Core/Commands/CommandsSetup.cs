using Microsoft.Extensions.DependencyInjection;

namespace AlertBot.Core.Commands;

public static class CommandsSetup
{
    public static IServiceCollection AddCommands(this IServiceCollection services)
    {
        services.AddSingleton<CommandDispatcher>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<CommandDispatcher>());
        return services;
    }
}
