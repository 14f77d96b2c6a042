namespace AlertBot.Core.Subscriptions;

/// <summary>
/// A parsed subscription query: words (all must match, by stem), "phrases", OR, -exclusions / NOT,
/// brackets and prefix*. Built only by <see cref="Parse"/>, which rejects malformed queries with an
/// error that points at the problem.
/// </summary>
public sealed class Query
{
    private Query(string text, QueryNode? root)
    {
        Text = text;
        Root = root;
        Normalized = root?.Display() ?? "";
    }

    /// <summary>The query as the user typed it.</summary>
    public string Text { get; }

    /// <summary>The query shown back to users: folded words, capital operators, explicit brackets.</summary>
    public string Normalized { get; }

    /// <summary>True for the empty query, which matches everything in its topic.</summary>
    public bool MatchesAll => Root is null;

    /// <summary>Number of words in the query (a phrase counts each of its words).</summary>
    public int TermCount => Root?.TermCount ?? 0;

    internal QueryNode? Root { get; }

    public static QueryParseResult Parse(string? text)
    {
        text ??= "";
        if (text.Length > QueryLimits.MaxLength)
            return QueryParseResult.Fail($"the query is too long: {text.Length} characters (at most {QueryLimits.MaxLength})");
        QueryNode? root;
        try
        {
            root = QueryParser.Parse(text);
        }
        catch (QuerySyntaxException ex)
        {
            return QueryParseResult.Fail(ex.Message);
        }
        if (root is not null)
        {
            if (root.TermCount > QueryLimits.MaxTerms)
                return QueryParseResult.Fail($"too many terms: {root.TermCount} (at most {QueryLimits.MaxTerms})");
            if (!IsAnchored(root)) return QueryParseResult.Fail(Unanchored(root));
        }
        return QueryParseResult.Ok(new Query(text, root));
    }

    /// <summary>Whether the query matches the article. Evaluates the tree directly (the reference semantics).</summary>
    public bool Matches(ArticleTokens article) => Root is null || NaiveEvaluator.Matches(Root, article.Naive);

    public override string ToString() => Normalized;

    /// <summary>
    /// True when every article the node matches must contain one of its positive terms. Only such
    /// queries can be filed in the index; the others would match almost everything.
    /// </summary>
    internal static bool IsAnchored(QueryNode node) => node switch
    {
        AndNode and => and.Children.Any(IsAnchored),
        OrNode or => or.Children.All(IsAnchored),
        NotNode => false,
        _ => true,
    };

    private static string Unanchored(QueryNode root)
    {
        if (!root.HasPositiveTerm) return "nothing to match: the query only excludes";
        var alternative = FindUnanchoredAlternative(root);
        return alternative is null
            ? "nothing to match: the query only excludes"
            : $"nothing to match: the OR alternative at column {alternative.Column} only excludes, so almost every article would match";
    }

    private static QueryNode? FindUnanchoredAlternative(QueryNode node) => node switch
    {
        OrNode or => or.Children.FirstOrDefault(c => !IsAnchored(c)) is { } bad
            ? FindUnanchoredAlternative(bad) ?? bad
            : null,
        AndNode and => and.Children.Select(FindUnanchoredAlternative).FirstOrDefault(n => n is not null),
        _ => null,
    };
}
