namespace AlertBot.Core.Feeds;

/// <summary>One entry of a feed, normalised across RSS, RDF, Atom and JSON Feed.</summary>
public sealed record FeedItem
{
    /// <summary>guid / atom:id / rdf:about / JSON id as given by the feed, or null.</summary>
    public string? Id { get; init; }
    /// <summary>Plain text (entities decoded, markup removed).</summary>
    public string? Title { get; init; }
    /// <summary>Absolute URL, resolved against xml:base and the feed URL.</summary>
    public string? Link { get; init; }
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Updated { get; init; }
    /// <summary>Display name, else the e-mail address when that is all the feed gives.</summary>
    public string? Author { get; init; }
    public string? AuthorEmail { get; init; }
    private readonly ContentTeaser? _contentTeaser;

    /// <summary>Plain text teaser; when the feed gave none, the plain text of <see cref="TeaserHtml"/> (made when first read).</summary>
    public string? Summary
    {
        get => field ?? _contentTeaser?.Text;
        init;
    }

    /// <summary>Markup whose plain text is the teaser when <see cref="Summary"/> is not given (a reader sets the item's content).</summary>
    internal string? TeaserHtml
    {
        get => _contentTeaser?.Html;
        init => _contentTeaser = value is null ? null : new ContentTeaser(value);
    }
    /// <summary>Full content; may be HTML.</summary>
    public string? Content { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<FeedEnclosure> Enclosures { get; init; } = [];
    /// <summary>Absolute URL of the item's picture (media:thumbnail, media:content image, itunes:image, JSON image).</summary>
    public string? ImageUrl { get; init; }
}

public sealed record FeedEnclosure(string Url, string? Type, long? Length);
