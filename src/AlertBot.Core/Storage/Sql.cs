using Microsoft.Data.Sqlite;

namespace AlertBot.Core.Storage;

/// <summary>
/// Prepared commands for the hot write path, where Dapper's one-command-per-call would prepare the same statement for
/// every row. Values are bound as Dapper binds them (Microsoft.Data.Sqlite's own conversions), so rows written here
/// compare and sort with rows written through Dapper.
/// </summary>
internal static class Sql
{
    /// <summary>Binds the values by name, prefix included ("@id": without it every run would look the name up under each
    /// prefix), adding parameters on first use, and runs the command.</summary>
    /// <returns>The first column of the first row, or null.</returns>
    public static object? Scalar(SqliteCommand command, params ReadOnlySpan<(string Name, object? Value)> values)
    {
        Bind(command, values);
        var result = command.ExecuteScalar();
        return result is DBNull ? null : result;
    }

    /// <summary>Binds the values by name and runs the command.</summary>
    /// <returns>How many rows it changed.</returns>
    public static int Execute(SqliteCommand command, params ReadOnlySpan<(string Name, object? Value)> values)
    {
        Bind(command, values);
        return command.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand command, ReadOnlySpan<(string Name, object? Value)> values)
    {
        var parameters = command.Parameters;
        for (var i = 0; i < values.Length; i++)
        {
            var (name, value) = values[i];
            // A prepared command is bound with the same names in the same order every time: by position, no name search.
            var parameter = i < parameters.Count && string.Equals(parameters[i].ParameterName, name, StringComparison.Ordinal) ? parameters[i]
                : parameters.Contains(name) ? parameters[name] : parameters.Add(new SqliteParameter { ParameterName = name });
            parameter.Value = value ?? DBNull.Value;
        }
    }
}
