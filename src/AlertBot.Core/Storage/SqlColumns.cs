namespace AlertBot.Core.Storage;

internal static class SqlColumns
{
    /// <summary>"id, platform" with alias "o" → "o.id, o.platform", for a store's column list in a join.</summary>
    public static string Prefixed(string columns, string alias) =>
        string.Join(", ", columns.Split(", ").Select(column => alias + "." + column));
}
