namespace AlertBot.Core.Subscriptions;

/// <summary>Either a query or a user-facing error that says what is wrong and where.</summary>
public sealed record QueryParseResult(Query? Query, string? Error)
{
    public static QueryParseResult Ok(Query query) => new(query, null);

    public static QueryParseResult Fail(string error) => new(null, error);
}
