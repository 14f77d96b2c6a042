namespace AlertBot.Core.Feeds;

public enum FeedFormat { Rss, Rdf, Atom, Json }

public sealed record Feed(FeedFormat Format, string? Title, string? Link, IReadOnlyList<FeedItem> Items);
