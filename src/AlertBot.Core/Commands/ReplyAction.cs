namespace AlertBot.Core.Commands;

/// <summary>
/// A follow-up the reply offers: a button on Discord and Telegram, a line to type on the console. Pressing it runs
/// <see cref="Command"/> as if the presser typed it, with the presser's own rights, so it grants nothing a typed
/// command would not.
/// </summary>
/// <param name="Label">The button's text ("Send them as one digest").</param>
/// <param name="Command">The command line it runs, with its slash ("/channel resume digest"); at most <see cref="MaxCommandLength"/> characters.</param>
public sealed record ReplyAction(string Label, string Command)
{
    /// <summary>Telegram callback data holds 64 bytes; the adapters add a short prefix.</summary>
    public const int MaxCommandLength = 56;

    /// <summary>The command's name and the rest of its line, as a text platform reads them.</summary>
    public (string Name, string Arguments) Split()
    {
        var text = Command.TrimStart('/').Trim();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (text.ToLowerInvariant(), "") : (text[..space].ToLowerInvariant(), text[(space + 1)..].Trim());
    }
}
