namespace AlertBot.Core.Storage;

/// <summary>Configuration section "Storage".</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>SQLite database file. Relative paths are relative to the working directory.</summary>
    public string Path { get; set; } = "data/alertbot.db";

    /// <summary>
    /// How long one process holds a source while checking it. Another process skips the source meanwhile; a check
    /// cut short by a crash blocks the source for at most this long.
    /// </summary>
    public int CheckLeaseSeconds { get; set; } = 600;
}
