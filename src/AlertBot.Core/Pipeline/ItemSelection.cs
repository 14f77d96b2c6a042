using AlertBot.Core.Feeds;

namespace AlertBot.Core.Pipeline;

/// <summary>
/// Which items of a parsed feed a check stores, in what order, and which of them may alert. Pure: the caller reads
/// which identities the topic already has.
/// </summary>
public static class ItemSelection
{
    /// <param name="known">Identities of the feed's items that the topic stored before (however long ago).</param>
    /// <param name="firstCheck">The source never had a successful check: its backlog is taken as seen, except the newest item.</param>
    /// <param name="dripPosition">For a drip source (the interactive demo), how many items it revealed so far; null otherwise.</param>
    public static ItemSelectionResult Select(IReadOnlyList<FeedItem> items, IReadOnlySet<string> known, bool firstCheck, long? dripPosition)
    {
        // Oldest first, so alerts arrive in the order things happened; undated items last, in feed order reversed
        // (a feed lists newest first).
        var ordered = items.Select((item, index) => (item, index))
            .OrderBy(x => x.item.Published ?? DateTimeOffset.MaxValue).ThenByDescending(x => x.index)
            .Select(x => x.item).ToList();
        if (dripPosition is { } revealed)
        {
            dripPosition = Math.Min(ordered.Count, revealed + 1);
            ordered = ordered.Take((int)dripPosition).ToList();
        }

        var fresh = ordered.Select(item => (Item: item, Identity: ArticleIdentity.Of(item)))
            .Where(x => !known.Contains(x.Identity))
            .DistinctBy(x => x.Identity)
            .ToList();
        var selected = fresh.Select((x, i) => new SelectedItem(x.Item, x.Identity, Alert: !firstCheck || i == fresh.Count - 1)).ToList();
        return new ItemSelectionResult(selected, dripPosition);
    }
}

/// <param name="DripPosition">The drip source's new position, or null when drip did not apply.</param>
public sealed record ItemSelectionResult(IReadOnlyList<SelectedItem> Items, long? DripPosition);
