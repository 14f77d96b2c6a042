using AlertBot.Core.Subscriptions;

namespace AlertBot.Tests.Subscriptions;

public sealed class QueryParserTests
{
    [Theory]
    [InlineData("troops casualties", "troops casualties")]
    [InlineData("Troops  CASUALTIES", "troops casualties")]
    [InlineData("troops AND casualties", "troops casualties")]
    [InlineData("\"North Korea\"", "\"north korea\"")]
    [InlineData("\u201CNorth Korea\u201D troops", "\"north korea\" troops")]
    [InlineData("\"troops\"", "troops")]
    [InlineData("troops OR soldiers", "troops OR soldiers")]
    [InlineData("troops OR soldiers russia", "(troops OR soldiers) russia")]
    [InlineData("russia (troops OR soldiers)", "russia (troops OR soldiers)")]
    [InlineData("(a b) OR c", "(a b) OR c")]
    [InlineData("a OR (b OR c)", "a OR b OR c")]
    [InlineData("a (b c)", "a b c")]
    [InlineData("troops or soldiers", "troops or soldiers")]
    [InlineData("korea -\"squid game\"", "korea -\"squid game\"")]
    [InlineData("korea NOT squid", "korea -squid")]
    [InlineData("korea -(squid OR game)", "korea -(squid OR game)")]
    [InlineData("deploy*", "deploy*")]
    [InlineData("Déploy* troops", "deploy* troops")]
    [InlineData("Kim Jong-un", "kim \"jong un\"")]
    [InlineData("troops & casualties", "troops casualties")]
    [InlineData("Russia's troops", "russia troops")]
    [InlineData("a - b", "a b")]
    public void Queries_are_shown_back_normalised(string text, string normalized)
    {
        var result = Query.Parse(text);
        Assert.Null(result.Error);
        Assert.Equal(normalized, result.Query!.Normalized);
        Assert.Equal(text, result.Query.Text);
        Assert.False(result.Query.MatchesAll);
    }

    [Theory]
    [InlineData("troops casualties")]
    [InlineData("(troops OR soldiers) russia -\"squid game\" deploy*")]
    [InlineData("a OR (b c) OR d -e")]
    [InlineData("Kim Jong-un NOT (x OR y)")]
    public void A_normalised_query_parses_back_to_itself(string text)
    {
        var once = Query.Parse(text).Query!.Normalized;
        Assert.Equal(once, Query.Parse(once).Query!.Normalized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_query_matches_everything(string? text)
    {
        var query = Query.Parse(text).Query!;
        Assert.True(query.MatchesAll);
        Assert.Equal("", query.Normalized);
        Assert.True(query.Matches(ArticleTokens.From("anything at all")));
    }

    [Theory]
    [InlineData("north korea \"troops", "unbalanced quote at column 13")]
    [InlineData("\"north korea", "unbalanced quote at column 1")]
    [InlineData("(troops OR soldiers", "unbalanced parenthesis: '(' at column 1 is never closed")]
    [InlineData("troops) soldiers", "unbalanced parenthesis: ')' at column 7 has no matching '('")]
    [InlineData("a ((b c)", "unbalanced parenthesis: '(' at column 3 is never closed")]
    [InlineData("troops OR", "dangling OR at column 8: OR needs a term on both sides")]
    [InlineData("OR troops", "dangling OR at column 1: OR needs a term on both sides")]
    [InlineData("troops OR OR soldiers", "dangling OR at column 8: OR needs a term on both sides")]
    [InlineData("(troops OR) soldiers", "dangling OR at column 9: OR needs a term on both sides")]
    [InlineData("troops OR !!", "dangling OR at column 8: OR needs a term on both sides")]
    [InlineData("troops AND", "dangling AND at column 8: AND needs a term on both sides")]
    [InlineData("AND troops", "dangling AND at column 1: AND needs a term on both sides")]
    [InlineData("-troops", "nothing to match: the query only excludes")]
    [InlineData("-troops NOT \"squid game\"", "nothing to match: the query only excludes")]
    [InlineData("troops OR -soldiers", "nothing to match: the OR alternative at column 11 only excludes, so almost every article would match")]
    [InlineData("troops NOT", "NOT at column 8 needs something to exclude after it")]
    [InlineData("troops -!!", "'-' at column 8 needs something to exclude after it")]
    [InlineData("troops -)", "unbalanced parenthesis: ')' at column 9 has no matching '('")]
    [InlineData("troops ()", "empty parentheses at column 8")]
    [InlineData("troops \"!!\"", "empty phrase at column 8")]
    [InlineData("de*", "prefix too short at column 1: 'de*' needs at least 3 letters before '*'")]
    [InlineData("troops *", "'*' at column 8 must end a word, as in deploy*")]
    [InlineData("de*ploy", "'*' at column 3 must end a word, as in deploy*")]
    [InlineData("deploy**", "'*' at column 7 must end a word, as in deploy*")]
    [InlineData("jong-u*", "a prefix must be a single word: 'jong-u*' at column 1")]
    [InlineData("!!! ???", "nothing to match: the query has no letters or digits")]
    [InlineData("((((((a))))))", "too deeply nested: '(' at column 6 opens level 6 (at most 5)")]
    public void Malformed_queries_get_an_error_that_points_at_the_problem(string text, string error)
    {
        var result = Query.Parse(text);
        Assert.Null(result.Query);
        Assert.Equal(error, result.Error);
    }

    [Fact]
    public void A_query_longer_than_the_limit_is_refused_with_its_length()
    {
        var text = string.Join(' ', Enumerable.Repeat("troops", 60));
        Assert.Equal($"the query is too long: {text.Length} characters (at most {QueryLimits.MaxLength})", Query.Parse(text).Error);
    }

    [Fact]
    public void A_query_with_too_many_terms_is_refused_with_its_count()
    {
        var text = string.Join(' ', Enumerable.Range(0, 21).Select(i => $"w{i}"));
        Assert.Equal($"too many terms: 21 (at most {QueryLimits.MaxTerms})", Query.Parse(text).Error);
        Assert.Null(Query.Parse(string.Join(' ', Enumerable.Range(0, 20).Select(i => $"w{i}"))).Error);
    }

    [Fact]
    public void Phrase_words_count_towards_the_term_limit()
    {
        var text = "\"" + string.Join(' ', Enumerable.Range(0, 21).Select(i => $"w{i}")) + "\"";
        Assert.Equal("too many terms: 21 (at most 20)", Query.Parse(text).Error);
    }
}
