namespace AlertBot.Core.Stories;

/// <summary>
/// The active stories, reachable by their terms: an inverted index from stem id to the stories whose terms hold it.
/// A search walks the postings of the report's heaviest terms only, skipping terms so common that they point
/// everywhere, so its cost grows with the report and the stories that share its words, not with the number of
/// active stories. Stories leave the window in order of their first report; their postings are dropped lazily.
/// </summary>
internal sealed class StoryIndex
{
    /// <summary>The report's heaviest (rarest) terms find its story: names, places and event words.</summary>
    private const int SearchTerms = 16;

    private readonly Dictionary<long, Story> _byId = [];
    private readonly PriorityQueue<Story, (DateTimeOffset Start, long Id)> _byStart = new();
    private readonly Stack<int> _freeSlots = new();
    private readonly List<Story> _candidates = [];
    private readonly int[] _heaviest = new int[SearchTerms];
    private readonly Comparison<int> _better;
    private long[] _keys = new long[64];
    private int[] _top = [];

    // By stem id: the stories whose terms hold it (null when none do).
    private PostingList?[] _postings = new PostingList?[1024];

    // Per slot: the active story, its serial and search scratch (StorySlot), and its id. A search reads these dense
    // arrays, not the stories scattered over the heap.
    private Story?[] _stories = new Story?[64];
    private StorySlot[] _slotStates = new StorySlot[64];
    // The slots one search reached, in the order it reached them (room for every slot, and one more).
    private int[] _found = new int[65];
    private long[] _ids = new long[64];
    private int _slots;
    private int _serial;
    private int _stamp;

    public StoryIndex() => _better = Better;

    public int Count { get; private set; }

    public void Add(Story story)
    {
        Count++;
        _byId.Add(story.Id, story);
        _byStart.Enqueue(story, (story.Start, story.Id));
        var slot = _freeSlots.Count > 0 ? _freeSlots.Pop() : NewSlot();
        story.Slot = slot;
        story.Serial = ++_serial;
        _stories[slot] = story;
        _slotStates[slot] = new StorySlot { Serial = story.Serial };
        _ids[slot] = story.Id;
        Post(story, story.Terms.Ids);
    }

    public void Post(Story story, ReadOnlySpan<int> stemIds)
    {
        foreach (var id in stemIds)
        {
            if (id >= _postings.Length) Array.Resize(ref _postings, Math.Max(id + 1, _postings.Length * 2));
            var list = _postings[id] ??= new PostingList();
            list.Add(story.Slot, story.Serial);
        }
    }

    /// <summary>The active story with this id, or null.</summary>
    public Story? Find(long id) => _byId.GetValueOrDefault(id);

    /// <summary>Retires every story whose first report is older than <paramref name="cutoff"/>.</summary>
    public void RetireBefore(DateTimeOffset cutoff)
    {
        while (_byStart.TryPeek(out var story, out var key) && key.Start < cutoff)
        {
            _byStart.Dequeue();
            Count--;
            _byId.Remove(story.Id);
            // Its entries are dropped lazily: they no longer match the slot's serial.
            _slotStates[story.Slot].Serial = 0;
            _stories[story.Slot] = null;
            _freeSlots.Push(story.Slot);
            foreach (var id in story.Terms.Ids)
            {
                if (_postings[id] is not { } list) continue;
                list.Retired++;
                list.CompactIfWorthIt(_slotStates);
                if (list.Count == 0) _postings[id] = null;
            }
        }
    }

    /// <summary>
    /// Up to <paramref name="max"/> active stories sharing the most weight with <paramref name="terms"/>'s heaviest
    /// terms. Terms held by more than <paramref name="maxPosting"/> stories are too common to point anywhere.
    /// </summary>
    /// <remarks>The list is the index's own, valid until the next search.</remarks>
    public List<Story> Candidates(TermVector terms, int max, int maxPosting)
    {
        var stamp = ++_stamp;
        var (postings, slots, found) = (_postings, _slotStates, _found);
        var reached = 0;
        foreach (var t in Heaviest(terms))
        {
            var id = terms.Ids[t];
            if ((uint)id >= (uint)postings.Length || postings[id] is not { } list || list.Count - list.Retired > maxPosting) continue;
            var w = terms.Weights[t];
            foreach (var entry in list.Entries)
            {
                ref var slot = ref slots[entry.Slot];
                if (slot.Serial != entry.Serial) continue;
                // Without a branch: the slot is written after the ones reached, and counted only the first time. Its
                // score starts at 0 (every search leaves the scores it summed at 0).
                found[reached] = entry.Slot;
                reached += slot.Stamp != stamp ? 1 : 0;
                slot.Stamp = stamp;
                slot.Score += w;
            }
        }
        var stories = _candidates;
        stories.Clear();
        foreach (var slot in Top(found.AsSpan(0, reached), max)) stories.Add(_stories[slot]!);
        foreach (var slot in found.AsSpan(0, reached)) slots[slot].Score = 0;
        return stories;
    }

    private int NewSlot()
    {
        if (_slots == _slotStates.Length)
        {
            var size = _slots * 2;
            Array.Resize(ref _stories, size);
            Array.Resize(ref _slotStates, size);
            Array.Resize(ref _ids, size);
            _found = new int[size + 1];
        }
        return _slots++;
    }

    /// <summary>
    /// The <paramref name="max"/> best of the found slots, best first (ties by id): one pass keeping a small sorted
    /// buffer, instead of sorting the thousands a common term can bring.
    /// </summary>
    private ReadOnlySpan<int> Top(Span<int> found, int max)
    {
        if (found.Length <= max)
        {
            found.Sort(_better);
            return found;
        }
        if (_top.Length <= max) _top = new int[max + 1];
        var (top, slots, ids) = (_top, _slotStates, _ids);
        var count = 0;
        // While the buffer is full, a slot with less weight than its last one ranks after it: that settles most slots.
        var least = double.NegativeInfinity;
        foreach (var slot in found)
        {
            var (score, id) = (slots[slot].Score, ids[slot]);
            if (count == max && (score < least || !Before(score, id, top[max - 1]))) continue;
            // Insertion from the end; when full, the last one falls off the buffer's spare place.
            var at = count;
            while (at > 0 && Before(score, id, top[at - 1]))
            {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = slot;
            if (count < max) count++;
            if (count == max) least = slots[top[max - 1]].Score;
        }
        return top.AsSpan(0, count);
    }

    /// <summary>A slot with this shared weight and story id ranks before <paramref name="other"/>: more weight, then the older id.</summary>
    private bool Before(double score, long id, int other)
    {
        var otherScore = _slotStates[other].Score;
        return score > otherScore || (score == otherScore && id < _ids[other]);
    }

    /// <summary>Negative when slot <paramref name="a"/> ranks before <paramref name="b"/> (<see cref="Before"/>); ids are
    /// unique, so only a slot with itself compares equal.</summary>
    private int Better(int a, int b) => a == b ? 0 : Before(_slotStates[a].Score, _ids[a], b) ? -1 : 1;

    /// <summary>
    /// Positions of the terms to search by: all of them in order when they are few, else the heaviest, heaviest first,
    /// ties by id so the search never depends on anything else (one sort of keys that order by weight descending, then
    /// position, which ascends with the id).
    /// </summary>
    private ReadOnlySpan<int> Heaviest(TermVector terms)
    {
        var count = terms.Count;
        var positions = _heaviest;
        if (count <= SearchTerms)
        {
            for (var k = 0; k < count; k++) positions[k] = k;
            return positions.AsSpan(0, count);
        }
        if (_keys.Length < count) _keys = new long[Math.Max(count, _keys.Length * 2)];
        var keys = _keys.AsSpan(0, count);
        for (var k = 0; k < count; k++) keys[k] = TermVector.Key(terms.Weights[k], k);
        keys.Sort();
        for (var k = 0; k < SearchTerms; k++) positions[k] = (int)(uint)keys[k];
        return positions;
    }
}
