using AlertBot.Core.Text;

namespace AlertBot.Tests.Text;

public sealed class ArticleSentencesTests
{
    private const string Text = "Troops moved. Officials confirmed it.\n- 3,000 were sent. More may follow.\nMr. Kim met Dr. Lee. Both spoke.";

    [Fact]
    public void A_range_split_again_gives_the_very_same_sentences()
    {
        var article = new ArticleSentences(Text);
        var first = new List<string>();
        var second = new List<string>();
        article.Split(0, 37, first);
        article.Split(0, 37, second);

        Assert.Equal(["Troops moved.", "Officials confirmed it."], first);
        Assert.Equal(first.Count, second.Count);
        Assert.All(first.Zip(second), p => Assert.Same(p.First, p.Second));
    }

    [Theory]
    [InlineData(0, 37)]
    [InlineData(38, 35)]
    [InlineData(40, 33)] // the bulleted line without its bullet, as summaries read it
    [InlineData(74, 32)]
    [InlineData(0, 106)]
    public void Every_range_is_split_as_the_splitter_splits_it_whatever_was_asked_before(int start, int length)
    {
        var article = new ArticleSentences(Text);
        var expected = new List<string>();
        SentenceSplitter.Split(Text, start, length, expected);
        // Ranges asked before, in and out of order and overlapping, do not change what this one gives.
        foreach (var (s, l) in new[] { (74, 32), (38, 35), (0, 37), (40, 33), (38, 10) })
            article.Split(s, l, []);

        var sentences = new List<string> { "kept" };
        article.Split(start, length, sentences);

        Assert.Equal(["kept", .. expected], sentences);
    }
}
