using Dapper;

namespace AlertBot.Core.Storage;

public sealed class PlatformStateStore(Database db) : IPlatformStateStore
{
    public async Task<string?> GetAsync(string platform, string key, CancellationToken cancellationToken)
    {
        await using var c = await db.OpenAsync(cancellationToken);
        return await c.ExecuteScalarAsync<string?>(
            "SELECT value FROM platform_state WHERE platform = @platform AND key = @key", new { platform, key });
    }

    public async Task SetAsync(string platform, string key, string? value, CancellationToken cancellationToken)
    {
        await using var c = await db.OpenAsync(cancellationToken);
        await c.ExecuteAsync(
            """
            INSERT INTO platform_state (platform, key, value) VALUES (@platform, @key, @value)
            ON CONFLICT (platform, key) DO UPDATE SET value = excluded.value
            """, new { platform, key, value });
    }
}
