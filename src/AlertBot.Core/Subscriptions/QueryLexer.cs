namespace AlertBot.Core.Subscriptions;

internal enum QueryTokenKind { Word, Phrase, Or, And, Not, Minus, Open, Close }

/// <summary>A lexical token of a query; <see cref="Column"/> is 1-based in the text as typed.</summary>
internal readonly record struct QueryToken(QueryTokenKind Kind, string Text, int Column);

/// <summary>
/// Splits a query into words, "phrases", brackets and operators. OR, AND and NOT are operators only
/// in capitals ("troops or soldiers" is three words, as in web search). A '-' starts an exclusion
/// only at the start of a word: "Jong-un" is one word, "a - b" ignores the lone dash.
/// </summary>
internal static class QueryLexer
{
    private static bool IsQuote(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB';

    private static bool EndsWord(char c) => char.IsWhiteSpace(c) || c is '(' or ')' || IsQuote(c);

    public static List<QueryToken> Lex(string text)
    {
        var tokens = new List<QueryToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(new QueryToken(c == '(' ? QueryTokenKind.Open : QueryTokenKind.Close, c.ToString(), i + 1));
                i++;
            }
            else if (IsQuote(c))
            {
                var end = i + 1;
                while (end < text.Length && !IsQuote(text[end])) end++;
                if (end >= text.Length) throw new QuerySyntaxException($"unbalanced quote at column {i + 1}");
                tokens.Add(new QueryToken(QueryTokenKind.Phrase, text[(i + 1)..end], i + 1));
                i = end + 1;
            }
            else if (c == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) && text[i + 1] != ')')
            {
                tokens.Add(new QueryToken(QueryTokenKind.Minus, "-", i + 1));
                i++;
            }
            else
            {
                var start = i;
                while (i < text.Length && !EndsWord(text[i])) i++;
                var word = text[start..i];
                var kind = word switch
                {
                    "OR" => QueryTokenKind.Or,
                    "AND" => QueryTokenKind.And,
                    "NOT" => QueryTokenKind.Not,
                    _ => QueryTokenKind.Word,
                };
                tokens.Add(new QueryToken(kind, word, start + 1));
            }
        }
        return tokens;
    }
}
