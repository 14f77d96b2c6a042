using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertBot.Core.Storage;

/// <summary>
/// The one SQLite file. Hands out open connections with foreign keys on; WAL and the schema are set
/// up once by <see cref="MigrateAsync"/> at start-up. The check path writes through <see cref="Writer"/>, which keeps one
/// connection of its own (<see cref="OpenWriter"/>).
/// </summary>
public sealed class Database : IDisposable
{
    private static int s_initialised;
    private readonly string _connectionString;
    private readonly ILogger<Database> _logger;

    public Database(IOptions<StorageOptions> options, ILogger<Database> logger)
    {
        if (Interlocked.Exchange(ref s_initialised, 1) == 0)
        {
            DefaultTypeMap.MatchNamesWithUnderscores = true;
            SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        }

        FilePath = System.IO.Path.GetFullPath(options.Value.Path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();
        _logger = logger;
        Writer = new DatabaseWriter(this);
    }

    /// <summary>Writes the check path's commits and claims, in shared transactions, on a thread of its own.</summary>
    internal DatabaseWriter Writer { get; }

    public string FilePath { get; }

    /// <summary>
    /// A connection of its own (not pooled) for the one writer that keeps it open: its page cache is larger, and stays
    /// valid between its transactions as long as nothing else writes. Its statement journals (an INSERT … SELECT may
    /// have to undo part of itself) are kept in memory, not in temporary files.
    /// </summary>
    internal SqliteConnection OpenWriter()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString());
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = $"{Pragmas} PRAGMA cache_size = -{WriterCacheKiB}; PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 0;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // A pooled connection keeps its settings: they are set once per physical connection, not at every open.
        if (connection.Handle is { } handle && !s_configured.TryGetValue(handle, out _))
        {
            await connection.ExecuteAsync(Pragmas);
            s_configured.TryAdd(handle, s_configuredMark);
        }
        return connection;
    }

    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> s_configured = new();
    private static readonly object s_configuredMark = new();

    // WAL (set by MigrateAsync) with synchronous=NORMAL: a commit is not fsynced, the checkpoint is; a power cut can
    // lose the last commits (the next check finds their items again) but never corrupts the file.
    private const string Pragmas = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";

    // 32 MiB: the indexes a commit updates stay in memory instead of being read back from the file at every commit.
    private const int WriterCacheKiB = 32 * 1024;

    /// <summary>Creates the file if needed, turns on WAL and applies pending migrations in one transaction each.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var directory = System.IO.Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);

        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        var version = await connection.ExecuteScalarAsync<long>("PRAGMA user_version;");
        if (version > Migrations.All.Count)
            throw new InvalidOperationException(
                $"The database {FilePath} has schema version {version}, newer than this build knows ({Migrations.All.Count}). Run a newer AlertBot.");

        for (var i = (int)version; i < Migrations.All.Count; i++)
        {
            var rebuild = Migrations.All[i].StartsWith(Migrations.RebuildsTables, StringComparison.Ordinal);
            // Outside the transaction: inside one SQLite ignores it.
            if (rebuild) await connection.ExecuteAsync("PRAGMA foreign_keys = OFF;");
            try
            {
                await ApplyAsync(connection, i, rebuild, cancellationToken);
            }
            finally
            {
                if (rebuild) await connection.ExecuteAsync("PRAGMA foreign_keys = ON;");
            }
        }
    }

    private async Task ApplyAsync(SqliteConnection connection, int i, bool rebuild, CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE, then read the version again: two processes starting on a fresh file (a cron `once`
        // next to `run`) apply each migration once, the second finding it done.
        await using var tx = connection.BeginTransaction(deferred: false);
        if (await connection.ExecuteScalarAsync<long>("PRAGMA user_version;", transaction: tx) > i)
        {
            await tx.RollbackAsync(cancellationToken);
            return;
        }
        var brokenBefore = rebuild ? await BrokenReferencesAsync(connection, tx) : 0;
        await connection.ExecuteAsync(Migrations.All[i], transaction: tx);
        // With foreign keys off nothing checked them: a rebuilt table must leave every reference as whole as it was.
        if (rebuild && await BrokenReferencesAsync(connection, tx) is var brokenAfter && brokenAfter > brokenBefore)
        {
            throw new InvalidOperationException(
                $"Migration {i + 1} of {FilePath} would break {brokenAfter - brokenBefore} foreign-key reference(s); nothing was changed.");
        }
        // PRAGMA cannot take parameters; i is our own integer.
        await connection.ExecuteAsync($"PRAGMA user_version = {i + 1};", transaction: tx);
        await tx.CommitAsync(cancellationToken);
        _logger.LogInformation("Database {Path} migrated to schema version {Version}", FilePath, i + 1);
    }

    private static async Task<int> BrokenReferencesAsync(SqliteConnection connection, SqliteTransaction tx) =>
        (await connection.QueryAsync("PRAGMA foreign_key_check;", transaction: tx)).Count();

    /// <summary>Writes what is queued for <see cref="Writer"/>, then ends its thread; later writes through it are refused.</summary>
    public void Dispose() => Writer.Dispose();
}
