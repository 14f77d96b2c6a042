using System.Globalization;

namespace AlertBot.Core.Commands;

/// <summary>
/// The subcommand and named arguments of one command, typed as <see cref="CommandCatalog"/> declares them: text, or
/// an integer for <see cref="CommandArgKind.Integer"/>. Platforms with typed options (Discord) fill them directly;
/// text platforms (console, Telegram) read a typed line with <see cref="Parse"/>. Handlers read them by name.
/// </summary>
public sealed class CommandArguments : IEquatable<CommandArguments>
{
    private readonly List<KeyValuePair<string, object>> _values;

    private CommandArguments(List<KeyValuePair<string, object>> values, string subcommand = "")
    {
        _values = values;
        Subcommand = subcommand;
    }

    public static CommandArguments None { get; } = new([]);

    /// <summary>
    /// The subcommand chosen, as lower-case words from the command down ("set", "source add"), or "" for a command
    /// without subcommands. Text platforms keep an unknown word here too, so the dispatcher can say what exists.
    /// </summary>
    public string Subcommand { get; }

    /// <summary>The same arguments under <paramref name="subcommand"/> ("set", "source add").</summary>
    public CommandArguments Under(string subcommand) =>
        new(_values, string.Join(' ', subcommand.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant());

    /// <summary>Arguments given by name (Discord options). Values are <see cref="string"/> or <see cref="long"/>; empty text is dropped.</summary>
    public static CommandArguments Of(IEnumerable<KeyValuePair<string, object>> values) =>
        new(values.Where(v => v.Value is long || v.Value is string { Length: > 0 } s && s.Trim().Length > 0)
            .Select(v => new KeyValuePair<string, object>(v.Key.ToLowerInvariant(), v.Value is string s ? s.Trim() : v.Value))
            .ToList());

    /// <summary>Arguments as pairs, for tests and adapters: <c>CommandArguments.Of(("topic", "nk"), ("query", "troops"))</c>.</summary>
    public static CommandArguments Of(params (string Name, object Value)[] values) =>
        Of(values.Select(v => new KeyValuePair<string, object>(v.Name, v.Value)));

    /// <summary>
    /// Reads what was typed after the command name: first the subcommand words while <paramref name="spec"/> has
    /// subcommands (<c>set</c>, <c>source add</c>), then the arguments of the command reached, in order: each takes one
    /// word (or a "quoted phrase"), an argument marked <see cref="CommandArgSpec.Rest"/> takes the rest of the line as
    /// typed, and the last argument takes whatever is left. An integer argument accepts a leading '#'; what does not
    /// read as an integer stays text, so the handler can explain the usage.
    /// </summary>
    public static CommandArguments Parse(CommandSpec? spec, string text)
    {
        var rest = text.Trim();
        var path = new List<string>();
        while (spec is { HasSubcommands: true } && rest.Length > 0)
        {
            (var word, rest) = NextWord(rest);
            path.Add(word.ToLowerInvariant());
            spec = spec.FindSubcommand(word);
        }
        var values = new List<KeyValuePair<string, object>>();
        var args = (spec?.Args ?? []).Where(a => a.Kind != CommandArgKind.File).ToList(); // files come with the message, not in its text
        for (var i = 0; i < args.Count && rest.Length > 0; i++)
        {
            var arg = args[i];
            string value;
            if (arg.Rest || i == args.Count - 1)
            {
                value = rest;
                rest = "";
            }
            else
            {
                (value, rest) = NextWord(rest);
            }
            if (value.Length > 0) values.Add(new(arg.Name, Typed(arg, value)));
        }
        return new CommandArguments(values, string.Join(' ', path));
    }

    /// <summary>The argument as text (an integer in invariant digits), or null when it was not given.</summary>
    public string? Text(string name) => Find(name) switch
    {
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>The argument as text, or "" when it was not given.</summary>
    public string TextOrEmpty(string name) => Text(name) ?? "";

    /// <summary>The argument as an integer, or null when it was not given or is not one.</summary>
    public long? Integer(string name) => Find(name) as long?;

    public bool Has(string name) => Find(name) is not null;

    public int Count => _values.Count;

    private object? Find(string name)
    {
        foreach (var (key, value) in _values)
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value;
        return null;
    }

    private static object Typed(CommandArgSpec arg, string value) =>
        arg.Kind == CommandArgKind.Integer && long.TryParse(value.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : value;

    private static (string Word, string Remainder) NextWord(string text)
    {
        if (text[0] == '"')
        {
            var close = text.IndexOf('"', 1);
            if (close > 0) return (text[1..close].Trim(), text[(close + 1)..].TrimStart());
        }
        var space = text.AsSpan().IndexOfAny(' ', '\t', '\n');
        return space < 0 ? (text, "") : (text[..space], text[(space + 1)..].TrimStart());
    }

    /// <summary>The subcommand and values in order, separated by spaces: how the command would be typed (for logs and fakes).</summary>
    public override string ToString() =>
        string.Join(' ', (Subcommand.Length == 0 ? [] : new[] { Subcommand }).Concat(_values.Select(v => Text(v.Key))));

    public bool Equals(CommandArguments? other) =>
        other is not null && string.Equals(Subcommand, other.Subcommand, StringComparison.Ordinal) && _values.Count == other._values.Count &&
        _values.Zip(other._values).All(p => string.Equals(p.First.Key, p.Second.Key, StringComparison.Ordinal) && Equals(p.First.Value, p.Second.Value));

    public override bool Equals(object? obj) => Equals(obj as CommandArguments);

    public override int GetHashCode() =>
        _values.Count == 0 ? Subcommand.GetHashCode(StringComparison.Ordinal) : HashCode.Combine(Subcommand, _values.Count, _values[0].Key, _values[0].Value);
}
