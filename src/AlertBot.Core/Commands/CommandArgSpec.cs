using AlertBot.Core.Commands.Groups;

namespace AlertBot.Core.Commands;

/// <summary>How one command argument is typed; platforms map it to their own option types.</summary>
public enum CommandArgKind
{
    Text,
    Integer,

    /// <summary>
    /// A file sent with the command (<see cref="CommandRequest.Attachment"/>): a Discord ATTACHMENT option, a Telegram
    /// document the command captions or replies to. Never read from typed text.
    /// </summary>
    File,
}

/// <param name="Rest">The argument takes the rest of the line (a query).</param>
/// <param name="SuggestTopics">Offer topic ids as completions.</param>
/// <param name="Choices">The only values allowed (Discord shows them as choices).</param>
/// <param name="SuggestValues">The command's group offers completions (<see cref="ICommandGroup.SuggestAsync"/>), e.g. time zones.</param>
public sealed record CommandArgSpec(
    string Name, string Description, CommandArgKind Kind, bool Required, bool Rest = false, bool SuggestTopics = false,
    IReadOnlyList<string>? Choices = null, bool SuggestValues = false);
