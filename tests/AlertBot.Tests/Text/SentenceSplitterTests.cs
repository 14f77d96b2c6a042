using AlertBot.Core.Text;

namespace AlertBot.Tests.Text;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("Troops moved. Officials confirmed it.", new[] { "Troops moved.", "Officials confirmed it." })]
    [InlineData("U.S. assessments are smaller. They say 1,200.", new[] { "U.S. assessments are smaller.", "They say 1,200." })]
    [InlineData("The U.S. military said so. It gave no figure.", new[] { "The U.S. military said so.", "It gave no figure." })]
    [InlineData("Talks were held in the U.S. The result was unclear.", new[] { "Talks were held in the U.S.", "The result was unclear." })]
    [InlineData("Mr. Kim met Dr. Lee on Jan. 5 in Seoul. Both spoke.", new[] { "Mr. Kim met Dr. Lee on Jan. 5 in Seoul.", "Both spoke." })]
    [InlineData("The army has 1.2 million men. It is large.", new[] { "The army has 1.2 million men.", "It is large." })]
    [InlineData("John F. Kennedy spoke. Then he left.", new[] { "John F. Kennedy spoke.", "Then he left." })]
    [InlineData("He called Kim “a smart guy.” Then he smiled.", new[] { "He called Kim “a smart guy.”", "Then he smiled." })]
    [InlineData("Was it true? Nobody knew!", new[] { "Was it true?", "Nobody knew!" })]
    [InlineData("Amid heightened global tensions.The collaboration grew.", new[] { "Amid heightened global tensions.", "The collaboration grew." })]
    [InlineData("See asianews.network for more. It is a site.", new[] { "See asianews.network for more.", "It is a site." })]
    [InlineData("It was the U.S.-North Korea summit. Nothing came of it.", new[] { "It was the U.S.-North Korea summit.", "Nothing came of it." })]
    [InlineData("Acme Inc. said profits rose. Shares fell.", new[] { "Acme Inc. said profits rose.", "Shares fell." })]
    [InlineData("He waited... and waited. Then he left.", new[] { "He waited... and waited.", "Then he left." })]
    [InlineData("First line without stop\nSecond line.", new[] { "First line without stop", "Second line." })]
    [InlineData("In 2016. 3,000 troops were sent.", new[] { "In 2016.", "3,000 troops were sent." })]
    [InlineData("The Centre approved Rs. 669.85 crore. Karnataka got most.", new[] { "The Centre approved Rs. 669.85 crore.", "Karnataka got most." })]
    [InlineData("Lt. Gen. Park said 300 died. Capt. Lee agreed.", new[] { "Lt. Gen. Park said 300 died.", "Capt. Lee agreed." })]
    [InlineData("The toll rose beyond the capital.On Sunday it rose again.", new[] { "The toll rose beyond the capital.", "On Sunday it rose again." })]
    public void Splits_into_verbatim_sentences(string text, string[] expected)
    {
        var sentences = SentenceSplitter.Split(text);

        Assert.Equal(expected, sentences);
        Assert.All(sentences, s => Assert.Contains(s, text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_text_has_no_sentences(string text) => Assert.Empty(SentenceSplitter.Split(text));
}
