namespace AlertBot.Core.Feeds.Parsing;

/// <summary>
/// Maps RSS items and Atom entries to <see cref="FeedItem"/>s the moment their end tag is read, then releases
/// their subtrees: memory stays proportional to one item, and the garbage collector never has to promote the
/// whole document's tree.
/// </summary>
internal sealed class ItemStream(ReadContext cx)
{
    private bool _limitReached;

    public List<FeedItem> Items { get; } = [];

    public void OnClosed(XmlElement e)
    {
        var parent = e.Parent!;
        var isItem = parent.Parent is null
            ? IsAtomEntry(e, parent) || IsRssItem(e) && parent.LocalName is "RDF" or "rss" or "channel"
            : IsRssItem(e) && parent.LocalName == "channel" && parent.Parent.Parent is null;
        if (!isItem) return;
        if (!_limitReached && cx.ItemLimitReached(Items.Count)) _limitReached = true;
        if (!_limitReached) Items.Add(e.LocalName == "entry" ? AtomReader.Entry(e, parent.Namespace, cx) : RssReader.Item(e, cx));
        e.ReleaseSubtree();
    }

    private static bool IsAtomEntry(XmlElement e, XmlElement root) =>
        e.LocalName == "entry" && root.LocalName == "feed" && e.Namespace == root.Namespace;

    private static bool IsRssItem(XmlElement e) => e.LocalName == "item" && FeedNamespaces.IsRssCore(e.Namespace);
}
