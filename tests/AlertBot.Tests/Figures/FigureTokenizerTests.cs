using AlertBot.Core.Figures;

namespace AlertBot.Tests.Figures;

public sealed class FigureTokenizerTests
{
    [Theory]
    [InlineData("3,000 troops", "3,000|troops")]
    [InlineData("about 3,000, officials said", "about|3,000|,|officials|said")]
    [InlineData("1.2 million", "1.2|million")]
    [InlineData("65.75% of", "65.75|%|of")]
    [InlineData("10,000-12,000", "10,000|-|12,000")]
    [InlineData("North Korea’s 35-year-old", "North|Korea’s|35|-|year-old")]
    [InlineData("June 20, 2024.", "June|20|,|2024|.")]
    [InlineData("1,2345", "1|,|2345")]
    public void Sentences_split_into_words_digit_groups_and_marks(string text, string expected) =>
        Assert.Equal(expected, string.Join('|', FigureTokenizer.Tokenize(text).Select(t => t.Text)));

    [Fact]
    public void Curly_apostrophes_are_folded_in_the_lower_form() =>
        Assert.Equal("korea's", FigureTokenizer.Tokenize("Korea’s")[0].Lower);
}
