using AlertBot.Core.Storage;
using AlertBot.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AlertBot.Tests.Storage;

/// <summary>
/// The writer's statements bind values by position through SQLite's own API; what they store must be exactly what
/// Dapper stores through Microsoft.Data.Sqlite, or rows of the two would not compare or sort together.
/// </summary>
public sealed class StatementTests
{
    public static TheoryData<object?> Values => new()
    {
        null, "", "héllo, wörld 🌍", 42L, 7, true, false, 2.5, -0.125,
        new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 3, 1, 12, 0, 0, 500, TimeSpan.Zero).AddTicks(1234),
        new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(2)),
    };

    [Theory]
    [MemberData(nameof(Values))]
    public async Task A_value_is_stored_with_the_type_and_text_dapper_gives_it(object? value)
    {
        using var dir = new TempDirectory();
        await using var c = new SqliteConnection($"Data Source={dir.File("s.db")};Pooling=False");
        await c.OpenAsync();
        const string sql = "SELECT typeof(@v) || ':' || quote(@v)";

        var throughDapper = await c.ExecuteScalarAsync<string>(sql, new { v = value });
        using var statement = new Statement(c, sql);

        Assert.Equal(throughDapper, statement.Scalar([("@v", value)]));
    }

    [Fact]
    public async Task A_statement_runs_again_with_new_values_and_reports_what_it_changed()
    {
        using var dir = new TempDirectory();
        await using var c = new SqliteConnection($"Data Source={dir.File("s.db")};Pooling=False");
        await c.OpenAsync();
        await c.ExecuteAsync("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
        using var insert = new Statement(c, "INSERT INTO t (name) VALUES (@name) ON CONFLICT DO NOTHING");

        Assert.Equal(1, insert.Execute([("@name", "a")]));
        Assert.Equal(1, insert.Execute([("@name", "b")]));
        Assert.Equal(0, insert.Execute([("@name", "a")]));
        Assert.Equal(["a", "b"], await c.QueryAsync<string>("SELECT name FROM t ORDER BY id"));
    }

    [Fact]
    public async Task Bad_sql_missing_values_and_failing_constraints_are_clear_errors_and_the_statement_stays_usable()
    {
        using var dir = new TempDirectory();
        await using var c = new SqliteConnection($"Data Source={dir.File("s.db")};Pooling=False");
        await c.OpenAsync();
        await c.ExecuteAsync("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");

        Assert.Throws<SqliteException>(() => new Statement(c, "INSERT INTO nowhere VALUES (1)"));
        Assert.Throws<ArgumentException>(() => new Statement(c, "SELECT 1; SELECT 2"));
        using var insert = new Statement(c, "INSERT INTO t (id, name) VALUES (@id, @name)");
        Assert.Contains("@name", Assert.Throws<InvalidOperationException>(() => insert.Execute([("@id", 1L)])).Message, StringComparison.Ordinal);
        Assert.Contains("NOT NULL", Assert.Throws<SqliteException>(() => insert.Execute([("@id", 1L), ("@name", null)])).Message, StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => insert.Execute([("@id", Guid.NewGuid()), ("@name", "x")]));
        Assert.Equal(1, insert.Execute([("@id", 1L), ("@name", "x")]));
    }
}
