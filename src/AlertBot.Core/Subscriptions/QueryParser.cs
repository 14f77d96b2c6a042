using AlertBot.Core.Text;

namespace AlertBot.Core.Subscriptions;

/// <summary>
/// Recursive descent over <see cref="QueryLexer"/> tokens. Grammar (OR binds tighter than the
/// implicit AND, as in web search: "troops OR soldiers russia" = (troops OR soldiers) AND russia):
/// <code>
/// query   := all
/// all     := any ( [AND] any )*
/// any     := unary ( OR unary )*
/// unary   := ( '-' | NOT ) unary | '(' all ')' | "phrase" | word | prefix*
/// </code>
/// Every error names what is wrong and the column (1-based, in the text as typed).
/// </summary>
internal sealed class QueryParser
{
    private readonly List<QueryToken> _tokens;
    private int _pos;

    private QueryParser(List<QueryToken> tokens) => _tokens = tokens;

    /// <summary>The root node, or null for a query with nothing in it.</summary>
    public static QueryNode? Parse(string text)
    {
        var parser = new QueryParser(QueryLexer.Lex(text));
        var children = parser.ParseAll(depth: 0);
        if (children.Count == 0)
        {
            if (parser._tokens.Count > 0) throw new QuerySyntaxException("nothing to match: the query has no letters or digits");
            return null;
        }
        return children.Count == 1 ? children[0] : new AndNode([.. children], children[0].Column);
    }

    private QueryToken? Peek => _pos < _tokens.Count ? _tokens[_pos] : null;

    private static bool EndsOperand(QueryToken? token) =>
        token is null || token.Value.Kind is QueryTokenKind.Close or QueryTokenKind.Or or QueryTokenKind.And;

    private List<QueryNode> ParseAll(int depth)
    {
        var children = new List<QueryNode>();
        while (Peek is { } token)
        {
            if (token.Kind == QueryTokenKind.Close)
            {
                if (depth == 0) throw new QuerySyntaxException($"unbalanced parenthesis: ')' at column {token.Column} has no matching '('");
                break;
            }
            if (token.Kind == QueryTokenKind.Or) throw DanglingOr(token);
            if (token.Kind == QueryTokenKind.And)
            {
                _pos++;
                if (children.Count == 0 || EndsOperand(Peek))
                    throw new QuerySyntaxException($"dangling AND at column {token.Column}: AND needs a term on both sides");
                continue;
            }
            var node = ParseAny(depth);
            if (node is null) continue;
            // Flatten: "a (b c)" is the same as "a b c".
            if (node is AndNode and) children.AddRange(and.Children);
            else children.Add(node);
        }
        return children;
    }

    private QueryNode? ParseAny(int depth)
    {
        var first = ParseUnary(depth);
        if (Peek is not { Kind: QueryTokenKind.Or } firstOr) return first;
        if (first is null) throw DanglingOr(firstOr);
        var alternatives = new List<QueryNode>();
        Add(first);
        while (Peek is { Kind: QueryTokenKind.Or } or)
        {
            _pos++;
            if (EndsOperand(Peek)) throw DanglingOr(or);
            Add(ParseUnary(depth) ?? throw DanglingOr(or));
        }
        return new OrNode([.. alternatives], first.Column);

        void Add(QueryNode node)
        {
            if (node is OrNode inner) alternatives.AddRange(inner.Children);
            else alternatives.Add(node);
        }
    }

    private static QuerySyntaxException DanglingOr(QueryToken token) =>
        new($"dangling OR at column {token.Column}: OR needs a term on both sides");

    private QueryNode? ParseUnary(int depth)
    {
        var token = _tokens[_pos++];
        switch (token.Kind)
        {
            case QueryTokenKind.Minus:
            case QueryTokenKind.Not:
                var what = token.Kind == QueryTokenKind.Not ? "NOT" : "'-'";
                if (EndsOperand(Peek)) throw new QuerySyntaxException($"{what} at column {token.Column} needs something to exclude after it");
                var child = ParseUnary(depth) ?? throw new QuerySyntaxException($"{what} at column {token.Column} needs something to exclude after it");
                return new NotNode(child, token.Column);
            case QueryTokenKind.Open:
                return ParseGroup(token, depth + 1);
            case QueryTokenKind.Phrase:
                var words = Tokenizer.Tokenize(token.Text);
                if (words.Count == 0) throw new QuerySyntaxException($"empty phrase at column {token.Column}");
                return Words(words, token.Column);
            default:
                return ParseWord(token);
        }
    }

    private QueryNode ParseGroup(QueryToken open, int depth)
    {
        if (depth > QueryLimits.MaxDepth)
            throw new QuerySyntaxException($"too deeply nested: '(' at column {open.Column} opens level {depth} (at most {QueryLimits.MaxDepth})");
        var children = ParseAll(depth);
        if (Peek is not { Kind: QueryTokenKind.Close })
            throw new QuerySyntaxException($"unbalanced parenthesis: '(' at column {open.Column} is never closed");
        _pos++;
        if (children.Count == 0) throw new QuerySyntaxException($"empty parentheses at column {open.Column}");
        return children.Count == 1 ? children[0] : new AndNode([.. children], open.Column);
    }

    private static QueryNode? ParseWord(QueryToken token)
    {
        var text = token.Text;
        var star = text.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
        {
            var words = Tokenizer.Tokenize(text);
            // A word of punctuation only ("&", "—") carries nothing to match; skip it.
            return words.Count == 0 ? null : Words(words, token.Column);
        }
        if (star != text.Length - 1 || star == 0)
            throw new QuerySyntaxException($"'*' at column {token.Column + star} must end a word, as in deploy*");
        var parts = Tokenizer.Tokenize(text[..star]);
        if (parts.Count != 1)
            throw new QuerySyntaxException($"a prefix must be a single word: '{text}' at column {token.Column}");
        if (parts[0].Length < QueryLimits.MinPrefixLength)
            throw new QuerySyntaxException($"prefix too short at column {token.Column}: '{text}' needs at least {QueryLimits.MinPrefixLength} letters before '*'");
        return new PrefixNode(parts[0], token.Column);
    }

    /// <summary>One word is a term; several (a phrase, or "Jong-un") must appear consecutively.</summary>
    private static QueryNode Words(List<string> words, int column)
    {
        var stems = words.Select(EnglishStemmer.Stem).ToArray();
        return words.Count == 1 ? new TermNode(words[0], stems[0], column) : new PhraseNode([.. words], stems, column);
    }
}
