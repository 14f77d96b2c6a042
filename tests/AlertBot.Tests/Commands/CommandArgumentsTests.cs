using AlertBot.Core.Commands;

namespace AlertBot.Tests.Commands;

public class CommandArgumentsTests
{
    [Theory]
    [InlineData("nk-russia troops \"north korea\"", "nk-russia", "troops \"north korea\"")]
    [InlineData("  nk-russia   ", "nk-russia", null)]
    [InlineData("* troops", "*", "troops")]
    [InlineData("", null, null)]
    public void Typed_text_is_read_into_the_catalogs_named_arguments(string typed, string? topic, string? query)
    {
        var args = CommandArguments.Parse(CommandCatalog.Find("subscribe"), typed);

        Assert.Equal(topic, args.Text("topic"));
        Assert.Equal(query, args.Text("query"));
    }

    [Theory]
    [InlineData("4", 4L)]
    [InlineData("#4", 4L)]
    [InlineData("four", null)]
    [InlineData("4 5", null)]
    [InlineData("-1", null)]
    public void An_integer_argument_is_an_integer_only_when_it_reads_as_one(string typed, long? expected)
    {
        var args = CommandArguments.Parse(CommandCatalog.Find("unsubscribe"), typed);

        Assert.Equal(expected, args.Integer("id"));
        Assert.Equal(typed.Length > 0, args.Has("id"));
    }

    [Fact]
    public void A_quoted_word_is_one_argument_without_its_quotes()
    {
        var args = CommandArguments.Parse(CommandCatalog.Find("topic"), "\"status\" nk-russia");

        Assert.Equal("status", args.Text("action"));
        Assert.Equal("nk-russia", args.Text("topic"));
    }

    [Fact]
    public void Named_values_compare_by_content()
    {
        Assert.Equal(CommandArguments.Of(("topic", "nk"), ("query", "a b")), CommandArguments.Parse(CommandCatalog.Find("subscribe"), "nk a b"));
        Assert.NotEqual(CommandArguments.Of(("topic", "nk")), CommandArguments.Of(("query", "nk")));
    }
}
