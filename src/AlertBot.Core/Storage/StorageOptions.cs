namespace AlertBot.Core.Storage;

/// <summary>Configuration section "Storage".</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>SQLite database file. Relative paths are relative to the working directory.</summary>
    public string Path { get; set; } = "data/alertbot.db";
}
