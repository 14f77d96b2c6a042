namespace AlertBot.Core.Subscriptions;

/// <summary>A compiled subscription query. Sample-grade body: every word must appear, case-insensitive.</summary>
public sealed class Query
{
    private readonly string[] _words;

    private Query(string text, string[] words)
    {
        Text = text;
        _words = words;
    }

    /// <summary>The query as the user typed it.</summary>
    public string Text { get; }

    /// <summary>The query shown back to users, normalised.</summary>
    public string Normalized => string.Join(' ', _words);

    /// <summary>True for the empty query, which matches everything in its topic.</summary>
    public bool MatchesAll => _words.Length == 0;

    public static QueryParseResult Parse(string? text)
    {
        text = (text ?? "").Trim();
        if (text.Length > 500) return QueryParseResult.Fail("the query is too long (at most 500 characters)");
        var words = Tokenizer.Tokenize(text).Distinct().ToArray();
        return QueryParseResult.Ok(new Query(text, words));
    }

    public bool Matches(IReadOnlySet<string> articleTokens) => _words.All(articleTokens.Contains);
}

public sealed record QueryParseResult(Query? Query, string? Error)
{
    public static QueryParseResult Ok(Query query) => new(query, null);
    public static QueryParseResult Fail(string error) => new(null, error);
}
