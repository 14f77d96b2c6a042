namespace AlertBot.Core.Feeds.Parsing;

/// <summary>What adapters share while mapping one document: its source text, limits and recovered problems.</summary>
internal sealed class ReadContext(string source, int maxItems)
{
    public string Source { get; } = source;
    public int MaxItems { get; } = maxItems;
    public List<string> Warnings { get; } = [];

    /// <summary>Raw text of an element: its markup when HTML was written unescaped inside it.</summary>
    public string Raw(XmlElement element) =>
        Mojibake.Repair(element.Children.Count > 0 ? element.InnerMarkup(Source) : element.Text);

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
        if (Uri.TryCreate(raw, UriKind.Absolute, out var absolute) && absolute.Scheme.Length > 1 && !raw.StartsWith('/')) return raw;
        return element.Base is not null && Uri.TryCreate(element.Base, raw, out var resolved) ? resolved.AbsoluteUri : raw;
    }

    public bool ItemLimitReached(int count)
    {
        if (count < MaxItems) return false;
        Warnings.Add($"only the first {MaxItems} items were read");
        return true;
    }
}
