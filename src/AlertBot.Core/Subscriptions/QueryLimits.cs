namespace AlertBot.Core.Subscriptions;

/// <summary>
/// Bounds on a query. They keep one subscription's compiled form small (the index budget is about
/// 1 KB per subscription) and keep evaluation cheap; real alert queries are far below them.
/// </summary>
public static class QueryLimits
{
    public const int MaxLength = 300;
    public const int MaxTerms = 20;
    public const int MaxDepth = 5;
    public const int MinPrefixLength = 3;
}
