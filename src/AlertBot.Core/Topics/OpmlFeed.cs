namespace AlertBot.Core.Topics;

/// <summary>One feed of an OPML outline.</summary>
public sealed record OpmlFeed(string Url, string? Title);
