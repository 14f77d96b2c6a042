using AlertBot.Core.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AlertBot.Tests.Support;

/// <summary>A database file as an older build left it, for the tests that migrate one forward.</summary>
public static class OldDatabase
{
    /// <summary>The index of the first migration whose text contains <paramref name="marker"/>: the schema version just before it.</summary>
    public static int VersionBefore(string marker)
    {
        var index = Migrations.All.ToList().FindIndex(m => m.Contains(marker, StringComparison.Ordinal));
        Assert.True(index > 0, $"no migration after the first contains '{marker}'");
        return index;
    }

    /// <summary>Creates <paramref name="path"/> with the first <paramref name="version"/> migrations applied (foreign keys on), then runs <paramref name="seed"/>.</summary>
    public static async Task CreateAsync(string path, int version, string seed)
    {
        await using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        await c.OpenAsync();
        await c.ExecuteAsync("PRAGMA foreign_keys = ON;");
        foreach (var migration in Migrations.All.Take(version)) await c.ExecuteAsync(migration);
        await c.ExecuteAsync($"PRAGMA user_version = {version};");
        await c.ExecuteAsync(seed);
    }
}
