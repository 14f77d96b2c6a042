namespace AlertBot.Tests.Figures;

/// <summary>Finds ../shared (seeds and labelled data) by walking up from the test binaries.</summary>
internal static class SharedData
{
    public static string Root { get; } = Locate();

    public static string Seeds => Path.Combine(Root, "seeds");
    public static string Data => Path.Combine(Root, "data");

    /// <summary>A seed as the extractor receives it: first line the title, the rest the text.</summary>
    public static (string Title, string Text) Seed(string file)
    {
        var raw = File.ReadAllText(Path.Combine(Seeds, file)).Replace("\r\n", "\n");
        var nl = raw.IndexOf('\n');
        return nl < 0 ? (raw, "") : (raw[..nl], raw[(nl + 1)..]);
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "seeds"))) return candidate;
        }
        throw new DirectoryNotFoundException("No shared/seeds found above " + AppContext.BaseDirectory);
    }
}
