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
        services.AddSingleton<StoryStore>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<ChatStore>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<PlatformStateStore>();
        services.AddSingleton<AuditStore>();
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
        return WritableProblem(options.Path) is { } problem
            ? ValidateOptionsResult.Fail($"Storage:Path '{options.Path}' {problem}; expected a database file in a folder the bot can write to (for example data/alertbot.db).")
            : ValidateOptionsResult.Success;
    }

    // SQLite needs the file and its folder writable (WAL and journal files live beside it), so both are tried here,
    // before anything else starts, instead of failing later with an I/O error that names neither the key nor the value.
    private static string? WritableProblem(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? full;
        try
        {
            Directory.CreateDirectory(folder);
            if (File.Exists(full))
            {
                using var existing = File.Open(full, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
                return null;
            }
            var probe = Path.Combine(folder, $".alertbot-write-test-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return File.Exists(full)
                ? $"cannot be opened for reading and writing ({ex.Message})"
                : $"cannot be created: the folder '{folder}' is missing or not writable ({ex.Message})";
        }
    }
}
