using AlertBot.Core.Feeds;

namespace AlertBot.Core.Pipeline;

/// <summary>A feed item a check stores.</summary>
/// <param name="Alert">False for the backlog a new source brings: stored as seen, matched against nobody.</param>
public sealed record SelectedItem(FeedItem Item, string Identity, bool Alert);
