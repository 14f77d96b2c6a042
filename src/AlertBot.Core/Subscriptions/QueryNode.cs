using System.Text;

namespace AlertBot.Core.Subscriptions;

/// <summary>
/// A node of a parsed query. The six node kinds are tiny and only make sense together, so they
/// share this file. <see cref="Column"/> (1-based) lets validation point at the node.
/// </summary>
internal abstract record QueryNode(int Column)
{
    /// <summary>Number of words the node holds, for the term limit.</summary>
    public abstract int TermCount { get; }

    /// <summary>True when the node contains a term that is not excluded.</summary>
    public abstract bool HasPositiveTerm { get; }

    public abstract void Write(StringBuilder sb);

    /// <summary>The normalised text of the node (records generate their own ToString, so this has its own name).</summary>
    public string Display()
    {
        var sb = new StringBuilder();
        Write(sb);
        return sb.ToString();
    }
}

/// <summary>One word, matched by stem: "troops" matches "troop".</summary>
internal sealed record TermNode(string Surface, string Stem, int Column) : QueryNode(Column)
{
    public override int TermCount => 1;

    public override bool HasPositiveTerm => true;

    public override void Write(StringBuilder sb) => sb.Append(Surface);
}

/// <summary>"deploy*": any word form that starts with the prefix (folded, not stemmed).</summary>
internal sealed record PrefixNode(string Prefix, int Column) : QueryNode(Column)
{
    public override int TermCount => 1;

    public override bool HasPositiveTerm => true;

    public override void Write(StringBuilder sb) => sb.Append(Prefix).Append('*');
}

/// <summary>Consecutive words, each matched by stem.</summary>
internal sealed record PhraseNode(string[] Surfaces, string[] Stems, int Column) : QueryNode(Column)
{
    public override int TermCount => Stems.Length;

    public override bool HasPositiveTerm => true;

    public override void Write(StringBuilder sb) => sb.Append('"').AppendJoin(' ', Surfaces).Append('"');
}

internal sealed record AndNode(QueryNode[] Children, int Column) : QueryNode(Column)
{
    public override int TermCount => Children.Sum(c => c.TermCount);

    public override bool HasPositiveTerm => Children.Any(c => c.HasPositiveTerm);

    public override void Write(StringBuilder sb)
    {
        for (var i = 0; i < Children.Length; i++)
        {
            if (i > 0) sb.Append(' ');
            // OR binds tighter than juxtaposition, but brackets make "(a OR b) c" unmistakable to a reader.
            WriteGrouped(sb, Children[i], Children.Length > 1 && Children[i] is OrNode);
        }
    }

    internal static void WriteGrouped(StringBuilder sb, QueryNode node, bool group)
    {
        if (group) sb.Append('(');
        node.Write(sb);
        if (group) sb.Append(')');
    }
}

internal sealed record OrNode(QueryNode[] Children, int Column) : QueryNode(Column)
{
    public override int TermCount => Children.Sum(c => c.TermCount);

    public override bool HasPositiveTerm => Children.Any(c => c.HasPositiveTerm);

    public override void Write(StringBuilder sb)
    {
        for (var i = 0; i < Children.Length; i++)
        {
            if (i > 0) sb.Append(" OR ");
            AndNode.WriteGrouped(sb, Children[i], Children[i] is AndNode);
        }
    }
}

internal sealed record NotNode(QueryNode Child, int Column) : QueryNode(Column)
{
    public override int TermCount => Child.TermCount;

    public override bool HasPositiveTerm => false;

    public override void Write(StringBuilder sb)
    {
        sb.Append('-');
        AndNode.WriteGrouped(sb, Child, Child is AndNode or OrNode);
    }
}
