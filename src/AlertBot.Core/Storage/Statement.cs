using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AlertBot.Core.Storage;

/// <summary>
/// One SQL statement of the writer's connection, prepared once and run through SQLite's own API with its values bound
/// by position. A Microsoft.Data.Sqlite command looks each parameter up by name at every run, encoding the name each
/// time: for the hundred thousand rows of a busy ingest that was a fifth of the writer thread's time. Values are
/// converted as Microsoft.Data.Sqlite converts them, so what is written here compares and sorts with what Dapper writes.
/// </summary>
internal sealed class Statement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    private readonly string[] _names;
    private int[] _positions = [];
    private string[]? _boundNames;
    private byte[] _text = new byte[1024];

    public Statement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _stmt, out var tail);
        SqliteException.ThrowExceptionForRC(rc, _db);
        if (!string.IsNullOrWhiteSpace(tail)) throw new ArgumentException($"One statement at a time; left over: {tail.Trim()}", nameof(sql));
        _names = new string[raw.sqlite3_bind_parameter_count(_stmt)];
        for (var i = 0; i < _names.Length; i++) _names[i] = raw.sqlite3_bind_parameter_name(_stmt, i + 1).utf8_to_string();
    }

    /// <summary>Binds every parameter and runs the statement to its end.</summary>
    /// <returns>How many rows it changed.</returns>
    public int Execute(params ReadOnlySpan<(string Name, object? Value)> values)
    {
        try
        {
            Bind(values);
            int rc;
            while ((rc = raw.sqlite3_step(_stmt)) == raw.SQLITE_ROW) { }
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(_stmt);
        }
    }

    /// <summary>Binds every parameter and runs the statement for its first row.</summary>
    /// <returns>The first column of the first row (long, double, string or null), or null when there is no row.</returns>
    public object? Scalar(params ReadOnlySpan<(string Name, object? Value)> values)
    {
        try
        {
            Bind(values);
            var rc = raw.sqlite3_step(_stmt);
            if (rc == raw.SQLITE_DONE) return null;
            if (rc != raw.SQLITE_ROW) SqliteException.ThrowExceptionForRC(rc, _db);
            return raw.sqlite3_column_type(_stmt, 0) switch
            {
                raw.SQLITE_INTEGER => raw.sqlite3_column_int64(_stmt, 0),
                raw.SQLITE_FLOAT => raw.sqlite3_column_double(_stmt, 0),
                raw.SQLITE_TEXT => raw.sqlite3_column_text(_stmt, 0).utf8_to_string(),
                _ => null,
            };
        }
        finally
        {
            raw.sqlite3_reset(_stmt);
        }
    }

    /// <summary>
    /// Values come with their parameters' names, prefix included ("@id"); a call site passes the same names in the same
    /// order every time, so their positions are found once.
    /// </summary>
    private void Bind(ReadOnlySpan<(string Name, object? Value)> values)
    {
        if (!SameNames(values)) Map(values);
        for (var i = 0; i < values.Length; i++) BindValue(_positions[i], values[i].Value);
    }

    private bool SameNames(ReadOnlySpan<(string Name, object? Value)> values)
    {
        if (_boundNames is null || _boundNames.Length != values.Length) return false;
        for (var i = 0; i < values.Length; i++)
        {
            if (_boundNames[i] != values[i].Name) return false;
        }
        return true;
    }

    private void Map(ReadOnlySpan<(string Name, object? Value)> values)
    {
        var positions = new int[values.Length];
        var names = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var at = Array.IndexOf(_names, values[i].Name);
            if (at < 0) throw new InvalidOperationException($"The statement has no parameter {values[i].Name}");
            (positions[i], names[i]) = (at + 1, values[i].Name);
        }
        var missing = _names.Where(n => !names.Contains(n)).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"Must add values for the following parameters: {string.Join(", ", missing)}");
        (_positions, _boundNames) = (positions, names);
    }

    private void BindValue(int position, object? value)
    {
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(_stmt, position),
            string s => BindText(position, s),
            long l => raw.sqlite3_bind_int64(_stmt, position, l),
            int n => raw.sqlite3_bind_int64(_stmt, position, n),
            bool b => raw.sqlite3_bind_int64(_stmt, position, b ? 1 : 0),
            double d => raw.sqlite3_bind_double(_stmt, position, d),
            // As Microsoft.Data.Sqlite writes it (and so Dapper): "2026-03-01 12:00:00.5+00:00".
            DateTimeOffset t => BindText(position, t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
            _ => throw new NotSupportedException($"No conversion for a parameter of type {value.GetType().Name}"),
        };
        SqliteException.ThrowExceptionForRC(rc, _db);
    }

    /// <summary>Encodes into a buffer kept for the statement (SQLite copies what it is given).</summary>
    private int BindText(int position, string s)
    {
        // An empty span could reach SQLite as a null pointer, which binds NULL instead of ''.
        if (s.Length == 0) return raw.sqlite3_bind_text(_stmt, position, s);
        var max = Encoding.UTF8.GetMaxByteCount(s.Length);
        if (_text.Length < max) _text = new byte[Math.Max(max, _text.Length * 2)];
        var length = Encoding.UTF8.GetBytes(s, _text);
        return raw.sqlite3_bind_text(_stmt, position, _text.AsSpan(0, length));
    }

    public void Dispose() => _stmt.Dispose();
}
