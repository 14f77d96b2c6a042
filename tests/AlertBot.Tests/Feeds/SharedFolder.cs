namespace AlertBot.Tests.Feeds;

/// <summary>Finds ../shared (a sibling of the repository) by walking up from the test binaries.</summary>
internal static class SharedFolder
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "seeds"))) return candidate;
        }
        throw new DirectoryNotFoundException("../shared (with seeds/) was not found above " + AppContext.BaseDirectory);
    }
}
