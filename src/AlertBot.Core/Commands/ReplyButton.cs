namespace AlertBot.Core.Commands;

/// <param name="Label">What the button says.</param>
/// <param name="Command">The command line it runs, without the slash ("topic remove flood confirm").</param>
public sealed record ReplyButton(string Label, string Command);
