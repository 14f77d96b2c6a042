using System.Globalization;
using System.Text;
using AlertBot.Core.Storage;

namespace AlertBot.Core.Commands.Groups;

/// <summary><c>/audit [n]</c>: the community's last moderator actions (topics, feeds, channel settings), newest first.</summary>
public sealed class AuditCommands(AuditStore audit) : ICommandGroup
{
    private const int DefaultCount = 10;
    private const int MaxCount = 50;

    public static CommandSpec Audit { get; } = new("audit", "Moderators: the last changes made here (who, what, when, before → after)", true,
    [
        new("n", $"How many (1-{MaxCount}, default {DefaultCount})", CommandArgKind.Integer, Required: false),
    ])
    {
        Examples = ["/audit", "/audit 25"],
    };

    public IReadOnlyList<CommandSpec> Commands { get; } = [Audit];

    public async Task<CommandReply> HandleAsync(CommandSpec command, CommandRequest request, CancellationToken cancellationToken)
    {
        var count = DefaultCount;
        if (request.Arguments.Has("n"))
        {
            if (request.Arguments.Integer("n") is not { } n || n is < 1 or > MaxCount)
                return CommandReply.Error($"n must be a whole number from 1 to {MaxCount}.");
            count = (int)n;
        }
        // A Discord server's topic changes are kept under the server, its channels' settings under each channel.
        var entries = (await audit.LatestAsync(request.CommunityTarget, count, cancellationToken)).ToList();
        if (request.CommunityTarget != request.Chat) entries.AddRange(await audit.LatestAsync(request.Chat, count, cancellationToken));
        if (entries.Count == 0) return new CommandReply("No moderator actions are recorded here yet.");

        var sb = new StringBuilder("Last moderator actions, newest first:");
        foreach (var e in entries.OrderByDescending(e => e.At).Take(count))
        {
            sb.Append("\n• ").Append(e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(" UTC ")
              .Append(ReplyText.Echo(e.UserName ?? e.UserId, 40)).Append(": ").Append(e.Action);
            if (e.Before is not null || e.After is not null)
                sb.Append(" (").Append(e.Before ?? "none").Append(" → ").Append(e.After ?? "removed").Append(')');
        }
        return new CommandReply(sb.ToString());
    }
}
