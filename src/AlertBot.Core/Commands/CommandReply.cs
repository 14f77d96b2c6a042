namespace AlertBot.Core.Commands;

/// <summary>
/// A reply as plain text (lines separated by '\n'). Adapters escape all of it; it may quote feed text.
/// </summary>
/// <param name="Text">Plain text, never markup.</param>
/// <param name="IsError">The command was refused or malformed; Discord shows such replies only to the caller.</param>
public sealed record CommandReply(string Text, bool IsError = false)
{
    public static CommandReply Error(string text) => new(text, IsError: true);

    /// <summary>Nothing to say (plain text in a group): adapters send nothing.</summary>
    public static CommandReply None { get; } = new("");

    public bool IsNone => Text.Length == 0;

    /// <summary>Follow-ups offered under the reply (buttons on Discord and Telegram); the text says how to type them too.</summary>
    public IReadOnlyList<ReplyAction> Actions { get; init; } = [];
}
