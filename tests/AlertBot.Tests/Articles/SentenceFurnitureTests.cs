using AlertBot.Core.Articles;

namespace AlertBot.Tests.Articles;

/// <summary>
/// Paywall counters and prompts glued into a paragraph: every kind is still found, as a sentence of its own and inside
/// prose, whatever its case, while a paragraph that only shares their words keeps its text.
/// </summary>
public sealed class SentenceFurnitureTests
{
    private const string Prose = "Officials said the convoy crossed the border before dawn.";

    // One sentence per alternative of the pattern.
    [Theory]
    [InlineData("You have 65.75% of this article left to read.")]
    [InlineData("You have 3 free articles remaining this month.")]
    [InlineData("The rest of this article is reserved for subscribers only.")]
    [InlineData("The rest is available to members.")]
    [InlineData("Subscribe now to continue reading.")]
    [InlineData("Log in to keep reading this story.")]
    [InlineData("This content is exclusive to subscribers.")]
    [InlineData("This article is available for members only.")]
    [InlineData("Already a subscriber? Log in.")]
    [InlineData("Already have an account? Sign in.")]
    [InlineData("Sign up for our free daily newsletter to get the news first.")]
    [InlineData("We use cookies to improve your experience.")]
    [InlineData("This site uses cookies.")]
    public void Every_kind_of_paywall_sentence_is_furniture_in_any_case(string sentence)
    {
        Assert.True(FurniturePatterns.IsFurnitureSentence(sentence), sentence);
        Assert.True(FurniturePatterns.IsFurnitureSentence(sentence.ToUpperInvariant()), sentence);
        Assert.True(FurniturePatterns.IsFurnitureLine(sentence), sentence);
        Assert.Equal(Prose, FurniturePatterns.StripFurnitureSentences($"{Prose} {sentence}"));
    }

    [Fact]
    public void A_paywall_sentence_spelled_with_the_kelvin_sign_is_still_found()
    {
        // Ignoring case, a regular expression takes the Kelvin sign (U+212A) for a "k"; the check before the pattern must too.
        Assert.True(KelvinMatchesK());
        Assert.True(FurniturePatterns.IsFurnitureSentence("We use coo\u212Aies to improve your experience."));
    }

    [Theory]
    [InlineData("Members of parliament left the chamber after reading the remaining clauses of the account.")]
    [InlineData("The newsletter's editor said cookies were sold out by noon.")]
    public void Prose_that_only_shares_their_words_is_kept(string paragraph)
    {
        Assert.False(FurniturePatterns.IsFurnitureSentence(paragraph));
        Assert.Same(paragraph, FurniturePatterns.StripFurnitureSentences(paragraph));
    }

    private static bool KelvinMatchesK() =>
        System.Text.RegularExpressions.Regex.IsMatch("\u212A", "k", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
}
