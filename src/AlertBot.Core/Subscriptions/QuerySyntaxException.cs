namespace AlertBot.Core.Subscriptions;

/// <summary>Carries a user-facing parse error out of the recursive descent; never escapes <see cref="Query.Parse"/>.</summary>
internal sealed class QuerySyntaxException : Exception
{
    public QuerySyntaxException(string message) : base(message)
    {
    }

    public QuerySyntaxException()
    {
    }

    public QuerySyntaxException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
