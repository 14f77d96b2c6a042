using AlertBot.Core.Subscriptions;
using AlertBot.Core.Text;
using AlertBot.Tests.Subscriptions;

namespace AlertBot.Tests.Text;

public sealed class TokenizerTests
{
    [Theory]
    [InlineData("Kim Jong-un", "kim jong un")]
    [InlineData("KIM JONG - UN", "kim jong un")]
    [InlineData("Kim  Jong\u00A0Un", "kim jong un")]
    [InlineData("Kim Jong\u2011un", "kim jong un")]
    [InlineData("Pyöngyang, Séoul, São Paulo", "pyongyang seoul sao paulo")]
    [InlineData("STRAßE Ærø Łódź", "strasse aero lodz")]
    [InlineData("Russia\u2019s troops", "russia troops")]
    [InlineData("Russia's troops", "russia troops")]
    [InlineData("O'Neill didn\u2019t", "oneill didnt")]
    [InlineData("3,000 troops and 1.5 million", "3000 troops and 1.5 million")]
    [InlineData("in 2024. Then", "in 2024 then")]
    [InlineData("co\u00ADoperation", "cooperation")]
    [InlineData("U.S.-led", "u s led")]
    [InlineData("e\u0301lite", "elite")]
    [InlineData("\u201CQuoted\u201D \u2014 dash", "quoted dash")]
    [InlineData("", "")]
    public void Text_is_split_and_folded(string text, string expected)
    {
        Assert.Equal(expected, string.Join(' ', Tokenizer.Tokenize(text)));
    }

    [Fact]
    public void Hyphenated_spaced_and_capitalised_names_give_the_same_stems()
    {
        var a = ArticleTokens.From("Kim Jong-un").Stems;
        var b = ArticleTokens.From("Kim Jong Un").Stems;
        var c = ArticleTokens.From("KIM JONG-UN").Stems;
        Assert.Equal(a, b);
        Assert.Equal(a, c);
    }

    [Fact]
    public void Every_seed_tokenises_to_lower_case_letters_digits_and_dots_only()
    {
        foreach (var seed in SharedFixtures.Seeds())
        {
            var words = Tokenizer.Tokenize(seed);
            Assert.True(words.Count > 300);
            Assert.All(words, w => Assert.True(w.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '.'), w));
        }
    }

    [Fact]
    public void Stems_are_folded_and_stemmed_like_query_terms() =>
        Assert.Equal(["troop", "deploy", "to", "pyongyang", "3000"], Tokenizer.Stems("Troops DEPLOYED to Pyöngyang: 3,000"));
}
