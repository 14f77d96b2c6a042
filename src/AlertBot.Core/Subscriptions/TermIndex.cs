namespace AlertBot.Core.Subscriptions;

/// <summary>
/// One partition of the subscription index: the slots filed under each key (stem id, or prefix id
/// for prefix-only queries) and the slots whose query is empty. The matcher keeps one partition per
/// topic and one for subscriptions that span all topics, so an article never even looks at the
/// subscriptions of other topics.
/// </summary>
internal sealed class TermIndex
{
    // Dense arrays (indexed by id) are fastest but cost 8 bytes per vocabulary entry; only the
    // all-topics partition gets them. Topic partitions are many and mostly small: hash maps.
    private readonly bool _dense;
    private readonly Dictionary<int, PostingList> _sparse = [];
    private PostingList?[] _stems = [];
    private PostingList?[] _prefixes = [];

    public TermIndex(bool dense) => _dense = dense;

    public PostingList MatchAll { get; } = new();

    /// <summary>Subscriptions here that use a prefix term; when 0 the article's prefixes need not be computed.</summary>
    public int WithPrefix { get; set; }

    public int Count { get; set; }

    public PostingList? StemPostings(int stemId) =>
        _dense ? (stemId < _stems.Length ? _stems[stemId] : null) : _sparse.GetValueOrDefault(stemId);

    public PostingList? PrefixPostings(int prefixId) =>
        _dense ? (prefixId < _prefixes.Length ? _prefixes[prefixId] : null) : _sparse.GetValueOrDefault(~prefixId);

    /// <summary>Posting list of an index key: a stem id (≥ 0) or the complement of a prefix id.</summary>
    public PostingList For(int key)
    {
        if (!_dense)
        {
            if (!_sparse.TryGetValue(key, out var list)) _sparse[key] = list = new PostingList();
            return list;
        }
        return key >= 0 ? GetOrCreate(ref _stems, key) : GetOrCreate(ref _prefixes, ~key);
    }

    private static PostingList GetOrCreate(ref PostingList?[] lists, int index)
    {
        if (index >= lists.Length) Array.Resize(ref lists, Math.Max(index + 1, lists.Length * 2));
        return lists[index] ??= new PostingList();
    }
}
