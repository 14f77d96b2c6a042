namespace AlertBot.Core.Feeds;

public enum FeedFormat { Rss, Rdf, Atom, Json }

/// <summary>A parsed feed, normalised across RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 0.3/1.0 and JSON Feed 1.x.</summary>
public sealed record Feed(FeedFormat Format, string? Title, string? Link, IReadOnlyList<FeedItem> Items)
{
    /// <summary>Version as the format spells it: "2.0", "0.91", "1.0" (RDF, Atom, JSON Feed), "0.3", "1.1".</summary>
    public string? Version { get; init; }
    /// <summary>Plain text (RSS description, Atom subtitle, JSON description).</summary>
    public string? Description { get; init; }
    public string? Language { get; init; }
    /// <summary>Display name of the feed's author/editor, else their e-mail address.</summary>
    public string? Author { get; init; }
    public string? AuthorEmail { get; init; }
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Updated { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    /// <summary>The character encoding the bytes were read with (e.g. "utf-8", "windows-1252").</summary>
    public string? Encoding { get; init; }
}
