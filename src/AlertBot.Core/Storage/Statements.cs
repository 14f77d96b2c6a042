using Microsoft.Data.Sqlite;

namespace AlertBot.Core.Storage;

/// <summary>
/// The prepared statements of the writer's connection, by SQL text, kept for the connection's life: the writer runs
/// the same few statements for every article of every check, and each is prepared once. They run in whatever
/// transaction the connection has open.
/// </summary>
internal sealed class Statements(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, Statement> _statements = new(StringComparer.Ordinal);

    /// <summary>
    /// The row id of the connection's last successful INSERT: asked of SQLite instead of an INSERT's RETURNING clause,
    /// which materialises its rows in a temporary table on every run.
    /// </summary>
    public long LastInsertRowId => SQLitePCL.raw.sqlite3_last_insert_rowid(connection.Handle);

    public Statement Get(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = new Statement(connection, sql);
            _statements.Add(sql, statement);
        }
        return statement;
    }

    public void Dispose()
    {
        foreach (var statement in _statements.Values) statement.Dispose();
        _statements.Clear();
    }
}
