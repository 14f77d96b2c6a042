namespace AlertBot.Core.Feeds;

/// <summary>Caps that bound what one hostile or broken document can cost.</summary>
public sealed record FeedParserOptions
{
    public static FeedParserOptions Default { get; } = new();

    /// <summary>Larger documents are refused (the fetcher caps downloads lower; this guards other callers).</summary>
    public int MaxBytes { get; init; } = 32 * 1024 * 1024;
    /// <summary>Items beyond this are ignored (with a warning).</summary>
    public int MaxItems { get; init; } = 5_000;
    /// <summary>Elements nested deeper than this are ignored (with a warning).</summary>
    public int MaxDepth { get; init; } = 64;
}
