using AlertBot.Core.Feeds.Parsing;
using AlertBot.Core.Text;

namespace AlertBot.Core.Feeds;

/// <summary>
/// An item's teaser taken from its content, made when first read: the pipeline reads the teaser only of items without
/// content, so for the others the plain-text copy of their whole content is never made. Equal by the content it is made from.
/// </summary>
internal sealed class ContentTeaser(string html) : IEquatable<ContentTeaser>
{
    // The empty string stands for "made, and there is none": one reference write, so racing readers need no lock.
    private string? _text;

    public string Html { get; } = html;

    /// <summary>The content as trimmed plain text, or null when it has none.</summary>
    public string? Text
    {
        get
        {
            var text = _text ??= ReadContext.Trimmed(HtmlText.ToPlain(Html)) ?? "";
            return text.Length == 0 ? null : text;
        }
    }

    public bool Equals(ContentTeaser? other) => other is not null && string.Equals(Html, other.Html, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ContentTeaser);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Html);
}
