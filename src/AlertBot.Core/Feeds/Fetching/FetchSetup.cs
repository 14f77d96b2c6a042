using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AlertBot.Core.Feeds.Fetching;

public static class FetchSetup
{
    /// <summary>
    /// Registers the <c>Fetch</c> options (validated at start-up), the shared per-host limiter, the backoff policy
    /// and <see cref="IFeedFetcher"/> as a typed client whose primary handler is the SSRF-guarded one.
    /// </summary>
    public static IServiceCollection AddFeedFetching(this IServiceCollection services)
    {
        services.AddOptions<FetchOptions>().BindConfiguration(FetchOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FetchOptions>, FetchOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new HostConcurrencyLimiter(sp.GetRequiredService<IOptions<FetchOptions>>().Value.MaxConcurrentPerHost));
        services.TryAddSingleton(sp => SourceBackoff.From(sp.GetRequiredService<IOptions<FetchOptions>>().Value));
        services.AddHttpClient<IFeedFetcher, FeedFetcher>()
            .ConfigurePrimaryHttpMessageHandler(sp => FetchHandlerFactory.Create(sp.GetRequiredService<IOptions<FetchOptions>>().Value))
            .ConfigureHttpClient((sp, client) => FetchHandlerFactory.Configure(client, sp.GetRequiredService<IOptions<FetchOptions>>().Value))
            // The factory's default handler lifetime recycles handlers for DNS; ours already bounds connection lifetime.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        return services;
    }
}
