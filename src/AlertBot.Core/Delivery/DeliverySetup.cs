using AlertBot.Core.Channels;
using AlertBot.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlertBot.Core.Delivery;

public static class DeliverySetup
{
    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryOptions>>(new RuleValidator<DeliveryOptions>(
            ("Delivery:PollSeconds", o => o.PollSeconds is >= 1 and <= 3600, o => $"must be between 1 and 3600, was {o.PollSeconds}"),
            ("Delivery:MaxAttempts", o => o.MaxAttempts is >= 1 and <= 100, o => $"must be between 1 and 100, was {o.MaxAttempts}"),
            ("Delivery:BurstCap", o => o.BurstCap is >= 1 and <= 1000, o => $"must be between 1 and 1000, was {o.BurstCap}"),
            ("Delivery:ClaimLeaseSeconds", o => o.ClaimLeaseSeconds is >= 1 and <= 3600, o => $"must be between 1 and 3600, was {o.ClaimLeaseSeconds}"),
            ("Delivery:ClaimBatch", o => o.ClaimBatch is >= 1 and <= 1000, o => $"must be between 1 and 1000, was {o.ClaimBatch}"),
            ("Delivery:Parallelism", o => o.Parallelism is >= 1 and <= 64, o => $"must be between 1 and 64, was {o.Parallelism}")));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<AlertComposer>();
        services.AddSingleton<StoryEdits>();
        services.AddSingleton<DigestComposer>();
        services.AddSingleton<TargetLossNotifier>();
        services.AddSingleton<OutboxDispatcher>();
        return services;
    }
}
