using AlertBot.Core.Commands;
using AlertBot.Core.Health;

namespace AlertBot.Health;

/// <summary>Counts every command by name and outcome on its way through, whatever the platform.</summary>
public sealed class MeteredCommandHandler(ICommandHandler inner, BotMetrics metrics) : ICommandHandler
{
    public async Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        // Counted by command path ("topic source add"), as far as the catalog recognises it: unknown names and
        // subcommands are typed by users, so they never become labels and the series count stays bounded.
        var name = CommandCatalog.Find(request.Name) is { } spec ? CommandPath.Resolve(spec, request.Subcommand).Name : "unknown";
        try
        {
            var reply = await inner.HandleAsync(request, cancellationToken);
            metrics.Command(name, reply.IsError ? "error" : "ok");
            return reply;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            metrics.Command(name, "error");
            throw;
        }
    }

    public Task<IReadOnlyList<string>> SuggestAsync(string command, string argument, string partial, CancellationToken cancellationToken) =>
        inner.SuggestAsync(command, argument, partial, cancellationToken);
}
