using AlertBot.Core.Delivery;
using AlertBot.Core.Health;
using AlertBot.Telegram.Adapter;
using AlertBot.Telegram.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AlertBot.Telegram;

public static class TelegramSetup
{
    /// <summary>True when a Telegram token is configured (Telegram:Token, e.g. from ALERTBOT__TELEGRAM__TOKEN).</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetSection(TelegramOptions.SectionName)[nameof(TelegramOptions.Token)]);

    /// <summary>
    /// Registers the Telegram client, the platform (<see cref="IChatPlatform"/> "telegram") and the poller.
    /// Needs Core's ICommandHandler and IPlatformStateStore registered by the host.
    /// </summary>
    public static IServiceCollection AddTelegram(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelegramOptions>()
            .Bind(configuration.GetSection(TelegramOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        // No logging handlers: IHttpClientFactory's loggers write the request URL, which holds the token.
        services.AddHttpClient(BotApiClient.HttpClientName)
            .RemoveAllLoggers()
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan);

        services.AddSingleton(sp => new SendRateLimiter(sp.GetRequiredService<IOptions<TelegramOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TelegramConnection>();
        services.AddSingleton<IPlatformReadiness>(sp => sp.GetRequiredService<TelegramConnection>());
        services.AddSingleton<BotApiClient>();
        services.AddSingleton<ChatAdminCache>();
        services.AddSingleton<CommandMenuPublisher>();
        services.AddSingleton<TelegramPlatform>();
        services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<TelegramPlatform>());
        services.AddSingleton<TelegramDocuments>();
        services.AddSingleton<TelegramUpdateHandler>();
        services.AddSingleton<TelegramStartup>();
        // One receiver: a webhook when its URL is configured, otherwise long polling.
        if (string.IsNullOrWhiteSpace(configuration.GetSection(TelegramOptions.SectionName).GetSection(nameof(TelegramOptions.Webhook))[nameof(TelegramWebhookOptions.Url)]))
            services.AddHostedService<TelegramPoller>();
        else
            services.AddHostedService<TelegramWebhookService>();
        return services;
    }
}
