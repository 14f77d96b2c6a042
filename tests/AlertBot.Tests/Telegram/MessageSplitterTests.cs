using System.Text;
using AlertBot.Telegram.Formatting;

namespace AlertBot.Tests.Telegram;

public class MessageSplitterTests
{
    [Fact]
    public void Short_text_is_one_message() =>
        Assert.Equal(["hello\nworld"], MessageSplitter.Split("hello\nworld"));

    [Fact]
    public void Long_text_is_split_on_line_boundaries()
    {
        var lines = Enumerable.Range(0, 400).Select(i => $"line {i:D3} " + new string('x', 20)).ToList();
        var chunks = MessageSplitter.Split(string.Join('\n', lines));

        Assert.True(chunks.Count > 1);
        Assert.All(chunks, c => Assert.True(c.Length <= MessageSplitter.MaxMessageLength));
        // Every line survives whole, in order: no line was cut in the middle.
        Assert.Equal(lines, chunks.SelectMany(c => c.Split('\n')).ToList());
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_split_at_a_space()
    {
        var words = Enumerable.Range(0, 50).Select(i => $"word{i:D2}").ToList();
        var chunks = MessageSplitter.Split(string.Join(' ', words), maxLength: 40);
        Assert.All(chunks, c => Assert.True(c.Length <= 40));
        Assert.Equal(words, chunks.SelectMany(c => c.Split(' ')).ToList());
    }

    [Fact]
    public void A_hard_cut_never_separates_a_surrogate_pair()
    {
        // 'a' then emoji after emoji: with an odd limit the naive cut falls between the halves of one.
        var text = "a" + string.Concat(Enumerable.Repeat("😀", 30));
        var chunks = MessageSplitter.Split(text, maxLength: 10);

        Assert.Equal(text, string.Concat(chunks));
        foreach (var chunk in chunks)
        {
            Assert.True(chunk.Length <= 10);
            Assert.False(char.IsHighSurrogate(chunk[^1]), "chunk ends with a lone high surrogate");
            Assert.False(char.IsLowSurrogate(chunk[0]), "chunk starts with a lone low surrogate");
        }
    }

    [Fact]
    public void Escaping_after_splitting_never_cuts_an_html_entity()
    {
        // Text full of characters that escape to entities: each chunk, escaped, must hold only whole entities.
        var text = string.Concat(Enumerable.Repeat("&<>", 2000));
        var chunks = MessageSplitter.Split(text);

        Assert.Equal(text, string.Concat(chunks));
        foreach (var chunk in chunks)
        {
            Assert.True(chunk.Length <= MessageSplitter.MaxMessageLength);
            var escaped = TelegramHtml.Escape(chunk);
            Assert.Equal(chunk, System.Net.WebUtility.HtmlDecode(escaped));
            Assert.DoesNotContain('<', escaped);
        }
    }

    [Fact]
    public void Whitespace_only_pieces_are_dropped()
    {
        var chunks = MessageSplitter.Split("abc\n\n\n\n\n\ndef", maxLength: 4);
        Assert.Equal(["abc", "def"], chunks);
    }

    [Fact]
    public void Text_of_exactly_the_limit_is_not_split()
    {
        var text = new StringBuilder().Append('y', MessageSplitter.MaxMessageLength).ToString();
        Assert.Single(MessageSplitter.Split(text));
    }
}
