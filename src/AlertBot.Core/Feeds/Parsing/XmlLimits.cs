namespace AlertBot.Core.Feeds.Parsing;

/// <summary>Caps that keep a hostile document from costing unbounded memory or stack.</summary>
internal sealed record XmlLimits(int MaxDepth = 64, int MaxElements = 2_000_000)
{
    public static XmlLimits Default { get; } = new();
}
