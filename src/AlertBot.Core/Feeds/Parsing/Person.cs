namespace AlertBot.Core.Feeds.Parsing;

/// <summary>Splits the ways feeds write a person: "mail@x (Name)", "Name &lt;mail@x&gt;", "Name (mail@x)", "Name", "mail@x".</summary>
internal static class Person
{
    public static (string? Name, string? Email) Split(string? raw)
    {
        var text = ReadContext.Trimmed(raw);
        if (text is null) return (null, null);
        string? name = null, email = null;
        var open = text.IndexOfAny(['(', '<']);
        if (open > 0)
        {
            var close = text.IndexOf(text[open] == '(' ? ')' : '>', open);
            var inner = text[(open + 1)..(close < 0 ? text.Length : close)].Trim();
            var outer = text[..open].Trim();
            (name, email) = inner.Contains('@') && !outer.Contains('@') ? (outer, inner) : (inner, outer);
        }
        else if (text.Contains('@') && !text.Contains(' ')) email = text;
        else name = text;
        email = ReadContext.Trimmed(email?.Replace("mailto:", "", StringComparison.OrdinalIgnoreCase));
        if (email is not null && !email.Contains('@')) { name ??= email; email = null; }
        return (ReadContext.Trimmed(name), email);
    }
}
