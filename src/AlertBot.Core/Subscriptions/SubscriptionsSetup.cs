using Microsoft.Extensions.DependencyInjection;

namespace AlertBot.Core.Subscriptions;

public static class SubscriptionsSetup
{
    public static IServiceCollection AddMatching(this IServiceCollection services)
    {
        services.AddSingleton<ISubscriptionMatcher, SubscriptionMatcher>();
        return services;
    }
}
