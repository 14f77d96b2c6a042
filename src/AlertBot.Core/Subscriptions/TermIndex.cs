using System.Runtime.InteropServices;

namespace AlertBot.Core.Subscriptions;

/// <summary>
/// One partition of the subscription index: the slots filed under each key (stem id, or prefix id
/// for prefix-only queries) and the slots whose query is empty. The matcher keeps one partition per
/// topic and one for subscriptions that span all topics, so an article never even looks at the
/// subscriptions of other topics.
/// </summary>
internal sealed class TermIndex
{
    // Dense arrays (indexed by id) are fastest but cost 4 bytes per vocabulary entry; only the
    // all-topics partition gets them. They hold 1 + the position of the key's list in _lists (0: none),
    // which keeps the lists themselves packed. Topic partitions are many and mostly small: hash maps.
    private readonly bool _dense;
    private readonly Dictionary<int, PostingList> _sparse = [];
    private int[] _stems = [];
    private int[] _prefixes = [];
    private PostingList[] _lists = [];
    private int _listCount;

    // All-topics partition only: one bit per stem id that has a list. Most of an article's words are
    // nobody's key, and the bits (a few KB) answer that without touching the large arrays.
    private ulong[] _keyed = [];

    public TermIndex(bool dense) => _dense = dense;

    /// <summary>Subscriptions with an empty query (a field, so that Add and Remove change it in place).</summary>
    public PostingList MatchAll;

    /// <summary>Subscriptions here that use a prefix term; when 0 the article's prefixes need not be computed.</summary>
    public int WithPrefix { get; set; }

    public int Count { get; set; }

    /// <summary>The records filed under a stem; false when there are none.</summary>
    public bool TryStemPostings(int stemId, out int[] data, out int length) => TryGet(stemId, out data, out length);

    public bool TryPrefixPostings(int prefixId, out int[] data, out int length) => TryGet(~prefixId, out data, out length);

    /// <summary>Posting list of an index key: a stem id (≥ 0) or the complement of a prefix id.</summary>
    public ref PostingList For(int key)
    {
        if (key >= 0 && _dense)
        {
            var word = key >> 6;
            if (word >= _keyed.Length) Array.Resize(ref _keyed, Math.Max(word + 1, _keyed.Length * 2));
            _keyed[word] |= 1UL << key;
        }
        if (!_dense) return ref CollectionsMarshal.GetValueRefOrAddDefault(_sparse, key, out _);
        return ref key >= 0 ? ref GetOrCreate(ref _stems, key) : ref GetOrCreate(ref _prefixes, ~key);
    }

    private ref PostingList GetOrCreate(ref int[] positions, int index)
    {
        if (index >= positions.Length) Array.Resize(ref positions, Math.Max(index + 1, positions.Length * 2));
        if (positions[index] == 0)
        {
            if (_listCount == _lists.Length) Array.Resize(ref _lists, Math.Max(16, _lists.Length * 2));
            positions[index] = ++_listCount;
        }
        return ref _lists[positions[index] - 1];
    }

    private bool TryGet(int key, out int[] data, out int length)
    {
        data = [];
        length = 0;
        if (key >= 0 && _dense)
        {
            var word = key >> 6;
            if (word >= _keyed.Length || (_keyed[word] & (1UL << key)) == 0) return false;
        }
        if (_dense)
        {
            var lists = key >= 0 ? _stems : _prefixes;
            var index = key >= 0 ? key : ~key;
            if (index >= lists.Length || lists[index] == 0) return false;
            ref var list = ref _lists[lists[index] - 1];
            data = list.Buffer;
            length = list.Length;
        }
        else
        {
            ref var list = ref CollectionsMarshal.GetValueRefOrNullRef(_sparse, key);
            if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref list)) return false;
            data = list.Buffer;
            length = list.Length;
        }
        return length > 0;
    }
}
