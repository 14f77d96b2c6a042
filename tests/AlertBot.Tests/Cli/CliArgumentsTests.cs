using AlertBot.Cli;

namespace AlertBot.Tests.Cli;

public sealed class CliArgumentsTests
{
    [Theory]
    [InlineData(new string[0], Verb.Run, null)]
    [InlineData(new[] { "chat" }, Verb.Chat, null)]
    [InlineData(new[] { "chat", "--db", "x.db" }, Verb.Chat, "x.db")]
    [InlineData(new[] { "once", "--db", "/tmp/y.db" }, Verb.Once, "/tmp/y.db")]
    public void Verbs_and_the_database_path_are_read(string[] args, Verb verb, string? db)
    {
        var cli = CliArguments.Parse(args, out var error);
        Assert.Null(error);
        Assert.Equal(verb, cli.Verb);
        Assert.Equal(db, cli.DatabasePath);
    }

    [Fact]
    public void Check_feed_takes_a_target_and_json_flag()
    {
        var cli = CliArguments.Parse(["check-feed", "https://example.com/feed.xml", "--json"], out var error);
        Assert.Null(error);
        Assert.Equal(Verb.CheckFeed, cli.Verb);
        Assert.Equal("https://example.com/feed.xml", cli.Target);
        Assert.True(cli.Json);
    }

    [Fact]
    public void Cluster_takes_a_stream_and_an_explain_flag()
    {
        var cli = CliArguments.Parse(["cluster", "stream.jsonl", "--explain"], out var error);
        Assert.Null(error);
        Assert.Equal(Verb.Cluster, cli.Verb);
        Assert.Equal("stream.jsonl", cli.Target);
        Assert.True(cli.Explain);
    }

    [Theory]
    [InlineData(new[] { "chta" }, "unknown verb")]
    [InlineData(new[] { "chat", "--db" }, "--db needs a path")]
    [InlineData(new[] { "once", "--verbose" }, "unknown option")]
    [InlineData(new[] { "extract" }, "needs a URL or a file path")]
    [InlineData(new[] { "cluster" }, "needs a JSONL file")]
    public void Bad_arguments_get_a_clear_error(string[] args, string expected)
    {
        CliArguments.Parse(args, out var error);
        Assert.NotNull(error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
