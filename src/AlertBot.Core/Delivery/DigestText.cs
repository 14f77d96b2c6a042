namespace AlertBot.Core.Delivery;

/// <summary>
/// A digest as plain text (raw feed text: the platform escapes it and splits it at its own limits, on line boundaries),
/// with what its channel chose about link previews.
/// </summary>
/// <param name="LinkPreviews">The channel's <c>previews</c> setting: on, its links may show previews (Telegram: the first
/// story's, when the operator allows previews; Discord: the embeds of its links); off, none do.</param>
/// <param name="PreviewLink">The link of the first story listed (raw feed text), the one a platform previews, or null.</param>
public sealed record DigestText(string Text, bool LinkPreviews, string? PreviewLink);
