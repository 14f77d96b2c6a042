namespace AlertBot.Tests.Subscriptions;

/// <summary>Finds ../shared (the sibling of the repository) by walking up from the test binaries.</summary>
internal static class SharedFixtures
{
    public static string SeedsDirectory { get; } = Find();

    public static IReadOnlyList<string> Seeds() =>
        Directory.GetFiles(SeedsDirectory, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var seeds = Path.Combine(dir.FullName, "shared", "seeds");
            if (Directory.Exists(seeds)) return seeds;
        }
        throw new DirectoryNotFoundException($"no shared/seeds above {AppContext.BaseDirectory}");
    }
}
