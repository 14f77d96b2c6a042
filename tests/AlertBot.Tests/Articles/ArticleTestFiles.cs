namespace AlertBot.Tests.Articles;

/// <summary>Finds the shared seeds (beside the repository) and this folder's fixtures from the test binary.</summary>
internal static class ArticleTestFiles
{
    public static readonly string[] SeedIds = ["000", "001", "002", "003", "004"];

    public static TheoryData<string> Seeds => new(SeedIds);

    private static readonly Lazy<string> Shared = new(() => Path.Combine(FindDirectoryContaining("shared/seeds"), "shared"));
    private static readonly Lazy<string> Repo = new(() => FindDirectoryContaining("tests/AlertBot.Tests/Articles/Fixtures"));

    public static string SeedPath(string id) => Directory.GetFiles(Path.Combine(Shared.Value, "seeds"), id + "_*.txt").Single();

    public static string ReadSeed(string id) => File.ReadAllText(SeedPath(id));

    public static string FixturePath(string name) => Path.Combine(Repo.Value, "tests", "AlertBot.Tests", "Articles", "Fixtures", name);

    /// <summary>Non-empty lines of a fixture such as "000.paragraphs.txt".</summary>
    public static string[] FixtureLines(string id, string kind) =>
        File.ReadAllLines(FixturePath($"{id}.{kind}.txt")).Where(l => l.Length > 0).ToArray();

    // CI puts shared/ beside the clone, so walking up from the binary finds both the repo and shared/.
    private static string FindDirectoryContaining(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, relative))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"'{relative}' not found above {AppContext.BaseDirectory}");
    }
}
