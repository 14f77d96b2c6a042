namespace AlertBot.Core.Articles;

/// <summary>The whole-line furniture shapes of <see cref="FurniturePatterns"/>, one flag each.</summary>
[Flags]
internal enum FurnitureShape
{
    None = 0,
    UiLabel = 1,
    CommentCounter = 2,
    SourceLine = 4,
    Dateline = 8,
    CreditLine = 16,
    CapitalCreditLine = 32,
    ShareBar = 64,
    ReadingAids = 128,
    All = 255,
}
