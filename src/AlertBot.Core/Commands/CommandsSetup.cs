using AlertBot.Core.Commands.Groups;
using Microsoft.Extensions.DependencyInjection;

namespace AlertBot.Core.Commands;

public static class CommandsSetup
{
    public static IServiceCollection AddCommands(this IServiceCollection services)
    {
        services.AddSingleton<ArticleSearch>();
        services.AddSingleton<ICommandGroup, HelpCommands>();
        services.AddSingleton<ICommandGroup, SubscriptionCommands>();
        services.AddSingleton<ICommandGroup, TopicCommands>();
        services.AddSingleton<ICommandGroup, FigureCommands>();
        services.AddSingleton<ICommandGroup, StoryCommands>();
        services.AddSingleton<ICommandGroup, ChannelCommands>();
        services.AddSingleton<CommandDispatcher>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<CommandDispatcher>());
        return services;
    }
}
