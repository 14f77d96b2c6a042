namespace AlertBot.Core.Feeds.Parsing;

/// <summary>The root element (null when there was none) and the problems recovered from while reading.</summary>
internal sealed record XmlParseOutcome(XmlElement? Root, IReadOnlyList<string> Warnings);
