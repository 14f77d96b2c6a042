namespace AlertBot.Core.Figures;

/// <summary>Finds the figures a story reports. Pure: text in, figures out. Placeholder until the extractor lands.</summary>
public static class FigureExtractor
{
    public static IReadOnlyList<Figure> Extract(string title, string text) => [];
}
