using System.Collections.Concurrent;
using AlertBot.Core.Commands;

namespace AlertBot.IntegrationTests.Discord;

/// <summary>A scripted command handler that records what the adapter handed it.</summary>
internal sealed class FakeCommandHandler : ICommandHandler
{
    public ConcurrentQueue<CommandRequest> Requests { get; } = new();

    public Func<CommandRequest, Task<CommandReply>> Reply { get; set; } = r => Task.FromResult(new CommandReply($"ok {r.Name} {r.Arguments}"));

    public Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return Reply(request);
    }

    /// <summary>Completions by (command with subcommand words, argument, partial); topic ids by default.</summary>
    public Func<string, string, string, IReadOnlyList<string>> Suggest { get; set; } =
        (_, _, partial) => new[] { "nk-russia", "nk-nukes", "other" }.Where(t => t.StartsWith(partial, StringComparison.Ordinal)).ToList();

    public Task<IReadOnlyList<string>> SuggestAsync(string command, string argument, string partial, CancellationToken cancellationToken) =>
        Task.FromResult(Suggest(command, argument, partial));
}
