using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlertBot.Core.Storage;

public static class StorageSetup
{
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<Database>();
        services.AddSingleton(ClaimOwner.ForThisProcess());
        services.AddSingleton<TopicStore>();
        services.AddSingleton<SourceStore>();
        services.AddSingleton<SourceClaims>();
        services.AddSingleton<ArticleStore>();
        services.AddSingleton<IngestStore>();
        services.AddSingleton<FigureStore>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<ChatStore>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<PlatformStateStore>();
        services.AddSingleton<IPlatformStateStore>(sp => sp.GetRequiredService<PlatformStateStore>());
        return services;
    }
}

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Path))
            return ValidateOptionsResult.Fail("Storage:Path must name the SQLite database file (for example data/alertbot.db).");
        if (options.Path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            return ValidateOptionsResult.Fail($"Storage:Path '{options.Path}' contains characters that are not allowed in a path.");
        if (options.CheckLeaseSeconds is < 1 or > 86_400)
            return ValidateOptionsResult.Fail($"Storage:CheckLeaseSeconds must be between 1 and 86400, was {options.CheckLeaseSeconds}.");
        return ValidateOptionsResult.Success;
    }
}
