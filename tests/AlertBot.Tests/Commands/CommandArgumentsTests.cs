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

        Assert.Equal("status", args.Subcommand);
        Assert.Equal("nk-russia", args.Text("topic"));
    }

    [Theory]
    [InlineData("set mode digest", "set", "mode", "digest")]
    [InlineData("SET timezone Europe/Berlin", "set", "timezone", "Europe/Berlin")]
    [InlineData("set digest-at 08:00, 18:00", "set", "digest-at", "08:00, 18:00")]
    [InlineData("pause", "pause", null, null)]
    [InlineData("mute now", "mute", null, null)]
    [InlineData("", "", null, null)]
    public void A_subcommand_is_read_first_and_then_its_own_arguments(string typed, string subcommand, string? key, string? value)
    {
        var args = CommandArguments.Parse(CommandCatalog.Find("channel"), typed);

        Assert.Equal(subcommand, args.Subcommand);
        Assert.Equal(key, args.Text("key"));
        Assert.Equal(value, args.Text("value"));
    }

    [Fact]
    public void A_subcommand_group_reads_two_words_before_the_arguments()
    {
        var spec = CommandSpec.Group("topic", "t", true,
            CommandSpec.Group("source", "s", true,
                new CommandSpec("add", "a", true,
                [
                    new CommandArgSpec("topic", "t", CommandArgKind.Text, Required: true),
                    new CommandArgSpec("url", "u", CommandArgKind.Text, Required: true),
                ])));

        var args = CommandArguments.Parse(spec, "source add nk https://example.com/rss");

        Assert.Equal(CommandArguments.Of(("topic", "nk"), ("url", "https://example.com/rss")).Under("source add"), args);
    }

    [Fact]
    public void Named_values_compare_by_content()
    {
        Assert.Equal(CommandArguments.Of(("topic", "nk"), ("query", "a b")), CommandArguments.Parse(CommandCatalog.Find("subscribe"), "nk a b"));
        Assert.NotEqual(CommandArguments.Of(("topic", "nk")), CommandArguments.Of(("query", "nk")));
        Assert.NotEqual(CommandArguments.Of(("topic", "nk")), CommandArguments.Of(("topic", "nk")).Under("status"));
    }
}
