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
            ("Limits:SubscriptionsPerChat", o => o.SubscriptionsPerChat is >= 1 and <= 10_000, o => $"must be between 1 and 10000, was {o.SubscriptionsPerChat}"),
            ("Limits:TopicsPerCommunity", o => o.TopicsPerCommunity is >= 0 and <= 10_000, o => $"must be between 0 and 10000, was {o.TopicsPerCommunity}"),
            ("Limits:FeedsPerTopic", o => o.FeedsPerTopic is >= 1 and <= 10_000, o => $"must be between 1 and 10000, was {o.FeedsPerTopic}"),
            ("Limits:MinCommunityIntervalSeconds", o => o.MinCommunityIntervalSeconds is >= 10 and <= 86_400,
                o => $"must be between 10 and 86400, was {o.MinCommunityIntervalSeconds}")));
        services.AddSingleton<ChatLifecycle>();
        return services;
    }
}
