namespace AlertBot.Core.Commands;

/// <summary>
/// One command of <see cref="CommandCatalog"/>, or one subcommand under it. A command either takes
/// <see cref="Args"/> or offers <see cref="Subcommands"/> (never both, as on Discord): <c>/channel set &lt;key&gt; &lt;value&gt;</c>
/// is the subcommand <c>set</c> of <c>/channel</c>, and a subcommand may itself be a group (<c>/topic source add</c>).
/// Discord registers subcommands as SUB_COMMAND / SUB_COMMAND_GROUP options; text platforms read the first words.
/// </summary>
/// <param name="Name">Lower case, one word.</param>
/// <param name="ModeratorOnly">Only moderators may run it; on a command, this covers all of its subcommands.</param>
public sealed record CommandSpec(string Name, string Description, bool ModeratorOnly, IReadOnlyList<CommandArgSpec> Args)
{
    /// <summary>Complete command lines that /help &lt;command&gt; shows.</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    /// <summary>The subcommands, in the order help lists them; empty for a command that takes arguments directly.</summary>
    public IReadOnlyList<CommandSpec> Subcommands
    {
        get;
        init => field = Args.Count == 0 ? value : throw new ArgumentException($"/{Name} takes arguments, so it cannot also have subcommands.", nameof(value));
    } = [];

    public bool HasSubcommands => Subcommands.Count > 0;

    /// <summary>A command made only of subcommands: <c>/channel settings|set|pause|resume</c>.</summary>
    public static CommandSpec Group(string name, string description, bool moderatorOnly, params CommandSpec[] subcommands) =>
        new(name, description, moderatorOnly, []) { Subcommands = subcommands };

    /// <summary>How it is typed from this level down: <c>set &lt;key&gt; &lt;value&gt;</c>, or <c>channel settings|set|pause|resume</c>.</summary>
    public string Syntax => Name + (HasSubcommands
        ? " " + string.Join('|', Subcommands.Select(s => s.Name))
        : ArgSyntax);

    /// <summary>The arguments as typed after the name: <c> &lt;key&gt; &lt;value&gt;</c> (empty, or starting with a space).</summary>
    public string ArgSyntax => string.Concat(Args.Select(a => a.Required ? $" <{a.Name}>" : $" [{a.Name}]"));

    /// <summary>How a top-level command is typed: <c>/subscribe &lt;topic&gt; [query]</c>.</summary>
    public string Usage => "/" + Syntax;

    public CommandSpec? FindSubcommand(string name) =>
        Subcommands.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every runnable end of this command with the words that lead to it: ("set", spec), ("source add", spec)…</summary>
    public IEnumerable<(string Path, CommandSpec Spec)> Leaves()
    {
        if (!HasSubcommands)
        {
            yield return ("", this);
            yield break;
        }
        foreach (var sub in Subcommands)
            foreach (var (path, leaf) in sub.Leaves())
                yield return (path.Length == 0 ? sub.Name : sub.Name + " " + path, leaf);
    }
}
