namespace AlertBot.Core.Feeds.Parsing;

/// <summary>Prefix bindings in effect while reading; undeclared well-known prefixes map to their usual namespace.</summary>
internal sealed class NamespaceScope
{
    private readonly List<(string Prefix, string Uri)> _bindings = [];
    private readonly List<int> _marks = [];

    public void Push() => _marks.Add(_bindings.Count);

    public void Pop()
    {
        var mark = _marks[^1];
        _marks.RemoveAt(_marks.Count - 1);
        _bindings.RemoveRange(mark, _bindings.Count - mark);
    }

    public void Declare(string prefix, string uri) => _bindings.Add((prefix, uri.Trim()));

    /// <summary>Namespace URI for a prefix ("" = default namespace); null when none applies.</summary>
    public string? Resolve(string prefix)
    {
        for (var i = _bindings.Count - 1; i >= 0; i--)
            if (_bindings[i].Prefix == prefix) return _bindings[i].Uri.Length == 0 ? null : _bindings[i].Uri;
        return prefix.Length == 0 ? null : FeedNamespaces.ForUndeclaredPrefix(prefix);
    }
}
