using AlertBot.Core.Text;

namespace AlertBot.Core.Feeds.Parsing;

/// <summary>What adapters share while mapping one document: its source text, limits and recovered problems.</summary>
internal sealed class ReadContext(string source, int maxItems)
{
    public string Source { get; } = source;
    public int MaxItems { get; } = maxItems;
    public List<string> Warnings { get; } = [];

    /// <summary>Raw text of an element: its markup when HTML was written unescaped inside it.</summary>
    public string Raw(XmlElement element) =>
        Mojibake.Repair(element.Children.Count > 0 || element.IsRawMarkup ? element.InnerMarkup(Source) : element.Text);

    public string? Plain(XmlElement? element)
    {
        if (element is null) return null;
        var text = HtmlText.ToPlain(Raw(element));
        return text.Length == 0 ? null : text;
    }

    public static string? Trimmed(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    /// <summary>Absolute URL: relative references resolve against the element's xml:base/document URL.</summary>
    public static string? Url(XmlElement element, string? reference)
    {
        var raw = Trimmed(reference);
        if (raw is null || UrlSafety.IsDangerous(raw)) return null;
        if (raw.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || raw.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) return raw;
        if (Uri.TryCreate(raw, UriKind.Absolute, out var absolute) && absolute.Scheme.Length > 1 && !raw.StartsWith('/')) return raw;
        if (element.Base is null) return raw;
        if (IsPlainRelativePath(raw) && Directory(element.Base) is { } directory)
        {
            // "story/12" against "https://host/dir/": the RFC 3986 merge is plain concatenation; skipping Uri saves ~1 µs a link.
            return string.Concat(directory, raw);
        }
        return Uri.TryCreate(element.Base, raw, out var resolved) ? resolved.AbsoluteUri : raw;
    }

    [ThreadStatic] private static Uri? _lastBase;
    [ThreadStatic] private static string? _lastDirectory;

    /// <summary>The base's URL up to its last '/', when it has no query or fragment (remembered: bases repeat).</summary>
    private static string? Directory(Uri baseUri)
    {
        if (ReferenceEquals(baseUri, _lastBase)) return _lastDirectory;
        var text = baseUri.AbsoluteUri;
        _lastBase = baseUri;
        return _lastDirectory = text.AsSpan().IndexOfAny('?', '#') >= 0 || !baseUri.IsAbsoluteUri ? null : text[..(text.LastIndexOf('/') + 1)];
    }

    /// <summary>A relative path of plain segments (no "." or ".." segments, no query, fragment or escapes).</summary>
    private static bool IsPlainRelativePath(string raw)
    {
        if (raw[0] is '.' or '/' || raw.Contains("./", StringComparison.Ordinal) || raw.Contains("/.", StringComparison.Ordinal)) return false;
        foreach (var c in raw)
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '/' or '~' or '.')) return false;
        return !raw.EndsWith('.');
    }

    public bool ItemLimitReached(int count)
    {
        if (count < MaxItems) return false;
        Warnings.Add($"only the first {MaxItems} items were read");
        return true;
    }
}
