namespace AlertBot.Core.Commands;

/// <summary>
/// A command as invoked: its catalog entry and the subcommands chosen under it, as far as they were recognised.
/// <c>/channel set</c> is the path [channel, set]; <c>/channel mute</c> stops at [channel] with <see cref="Unknown"/> "mute".
/// </summary>
public sealed class CommandPath
{
    private readonly IReadOnlyList<CommandSpec> _specs;

    private CommandPath(IReadOnlyList<CommandSpec> specs, string? unknown)
    {
        _specs = specs;
        Unknown = unknown;
    }

    /// <summary>Follows <paramref name="subcommand"/> (words separated by spaces, e.g. "source add") down from <paramref name="root"/>.</summary>
    public static CommandPath Resolve(CommandSpec root, string subcommand)
    {
        var specs = new List<CommandSpec> { root };
        foreach (var word in subcommand.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = specs[^1].FindSubcommand(word);
            if (next is null) return new CommandPath(specs, word);
            specs.Add(next);
        }
        return new CommandPath(specs, null);
    }

    public CommandSpec Root => _specs[0];

    /// <summary>The deepest spec recognised: the subcommand that runs when <see cref="IsComplete"/>.</summary>
    public CommandSpec Leaf => _specs[^1];

    /// <summary>A word typed where a subcommand was expected that is not one, or null.</summary>
    public string? Unknown { get; }

    /// <summary>Everything was recognised and it ends at something that runs (not at a group of subcommands).</summary>
    public bool IsComplete => Unknown is null && !Leaf.HasSubcommands;

    /// <summary>Moderators only when the command or any subcommand on the way says so.</summary>
    public bool ModeratorOnly => _specs.Any(s => s.ModeratorOnly);

    /// <summary>The words of the path: "channel set", "topic source add".</summary>
    public string Name => string.Join(' ', _specs.Select(s => s.Name));

    /// <summary>How the path is typed: <c>/channel set &lt;key&gt; &lt;value&gt;</c>.</summary>
    public string Usage => "/" + string.Join(' ', _specs.SkipLast(1).Select(s => s.Name).Append(Leaf.Syntax));

    /// <summary>
    /// Each runnable command under the path: its words ("channel set"), how it is typed ("/channel set &lt;key&gt; &lt;value&gt;")
    /// and its spec.
    /// </summary>
    public IEnumerable<(string Name, string Usage, CommandSpec Spec)> Runnable() =>
        Leaf.Leaves().Select(l =>
        {
            var name = l.Path.Length == 0 ? Name : Name + " " + l.Path;
            return (name, "/" + name + l.Spec.ArgSyntax, l.Spec);
        });

    /// <summary>"Usage: /channel settings, /channel set &lt;key&gt; &lt;value&gt;, /channel pause or /channel resume."</summary>
    public string UsageList()
    {
        var usages = Runnable().Select(u => u.Usage).ToList();
        return "Usage: " + (usages.Count == 1 ? usages[0] : string.Join(", ", usages.SkipLast(1)) + " or " + usages[^1]) + ".";
    }

    /// <summary>Why the path cannot run, for the reply: an unknown subcommand (with a guess) or a missing one.</summary>
    public string Problem()
    {
        if (Unknown is { } typed)
        {
            var guess = EditDistance.Closest(typed, Leaf.Subcommands, s => s.Name) is { } close ? $" Did you mean /{Name} {close.Name}?" : "";
            return $"There is no /{Name} {ReplyText.Echo(typed)}.{guess} {UsageList()}";
        }
        return $"/{Name} needs one of: {string.Join(", ", Leaf.Subcommands.Select(s => s.Name))}. {UsageList()}";
    }
}
