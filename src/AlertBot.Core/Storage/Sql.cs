namespace AlertBot.Core.Storage;

/// <summary>
/// Runs the writer's prepared <see cref="Statement"/>s with named values: each call site passes the same names in
/// the same order every time ("@id", prefix included), which the statement maps to positions once.
/// </summary>
internal static class Sql
{
    /// <returns>The first column of the first row, or null.</returns>
    public static object? Scalar(Statement statement, params ReadOnlySpan<(string Name, object? Value)> values) => statement.Scalar(values);

    /// <returns>How many rows it changed.</returns>
    public static int Execute(Statement statement, params ReadOnlySpan<(string Name, object? Value)> values) => statement.Execute(values);
}
