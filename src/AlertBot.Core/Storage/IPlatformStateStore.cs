namespace AlertBot.Core.Storage;

/// <summary>Small durable key/value state a platform keeps across restarts (Telegram update offset, Discord session).</summary>
public interface IPlatformStateStore
{
    Task<string?> GetAsync(string platform, string key, CancellationToken cancellationToken);
    Task SetAsync(string platform, string key, string? value, CancellationToken cancellationToken);
}
