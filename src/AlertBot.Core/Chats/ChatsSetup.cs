using AlertBot.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlertBot.Core.Chats;

public static class ChatsSetup
{
    public static IServiceCollection AddChats(this IServiceCollection services)
    {
        services.AddOptions<ChatLimitsOptions>().BindConfiguration(ChatLimitsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ChatLimitsOptions>>(new RuleValidator<ChatLimitsOptions>(
            ("Limits:SubscriptionsPerChat", o => o.SubscriptionsPerChat is >= 1 and <= 10_000, o => $"must be between 1 and 10000, was {o.SubscriptionsPerChat}")));
        services.AddSingleton<ChatLifecycle>();
        return services;
    }
}
