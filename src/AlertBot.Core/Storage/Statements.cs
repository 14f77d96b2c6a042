using Microsoft.Data.Sqlite;

namespace AlertBot.Core.Storage;

/// <summary>
/// The prepared commands of one connection, by SQL text, kept for the connection's life: the writer runs the same few
/// statements for every article of every check, and each is prepared once. Every command handed out joins the current
/// transaction.
/// </summary>
internal sealed class Statements(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private SqliteTransaction? _transaction;

    /// <summary>The transaction the commands handed out from now on run in.</summary>
    public void Use(SqliteTransaction? transaction) => _transaction = transaction;

    /// <summary>
    /// The row id of the connection's last successful INSERT: asked of SQLite instead of an INSERT's RETURNING clause,
    /// which materialises its rows in a temporary table on every run (a tenth of the writer's time in the ingest run).
    /// </summary>
    public long LastInsertRowId => SQLitePCL.raw.sqlite3_last_insert_rowid(connection.Handle);

    public SqliteCommand Get(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }
        command.Transaction = _transaction;
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
    }
}
