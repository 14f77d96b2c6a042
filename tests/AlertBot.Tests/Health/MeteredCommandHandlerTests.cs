using System.Text;
using AlertBot.Core;
using AlertBot.Core.Commands;
using AlertBot.Core.Health;
using AlertBot.Health;
using Moq;

namespace AlertBot.Tests.Health;

/// <summary>alertbot_commands_total counts each command by the path it ran, never by what a user made up.</summary>
public sealed class MeteredCommandHandlerTests
{
    private readonly BotMetrics _metrics = new();
    private readonly MeteredCommandHandler _handler;

    public MeteredCommandHandlerTests()
    {
        var inner = new Mock<ICommandHandler>();
        inner.Setup(h => h.HandleAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((CommandRequest r, CancellationToken _) => r.Subcommand.Contains("bogus", StringComparison.Ordinal) ? CommandReply.Error("no") : new CommandReply("ok"));
        _handler = new MeteredCommandHandler(inner.Object, _metrics);
    }

    private Task<CommandReply> Run(string name, string arguments) =>
        _handler.HandleAsync(CommandRequest.FromText(new ChatTarget("console", "local"), "u", null, name, arguments, isPrivateChat: false, isModerator: true), default);

    [Fact]
    public async Task Commands_are_counted_by_their_subcommand_path_and_unknown_words_are_not_labels()
    {
        await Run("topic", "source add flood https://example.org/feed.xml");
        await Run("topic", "source add flood https://example.org/other.xml");
        await Run("topic", "export flood");
        await Run("topic", "bogus flood");
        await Run("subscribe", "nk-russia");
        await Run("frobnicate", "");

        var text = await ExportAsync();
        Assert.Contains("alertbot_commands_total{command=\"topic source add\",outcome=\"ok\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("alertbot_commands_total{command=\"topic export\",outcome=\"ok\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("alertbot_commands_total{command=\"topic\",outcome=\"error\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("alertbot_commands_total{command=\"subscribe\",outcome=\"ok\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("alertbot_commands_total{command=\"unknown\",outcome=\"ok\"} 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("bogus", text, StringComparison.Ordinal);
    }

    private async Task<string> ExportAsync()
    {
        using var stream = new MemoryStream();
        await _metrics.Registry.CollectAndExportAsTextAsync(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
