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

    private readonly Dictionary<int, PostingList> _postings = [];
    private readonly Dictionary<long, Story> _byId = [];
    private readonly PriorityQueue<Story, (DateTimeOffset Start, long Id)> _byStart = new();
    private readonly Stack<int> _freeSlots = new();
    private readonly List<int> _found = [];

    // Per slot: the active story, its serial (0 when free), id and the scratch of one candidate search. A search reads
    // these dense arrays, not the stories scattered over the heap.
    private Story?[] _stories = new Story?[64];
    private int[] _serials = new int[64];
    private long[] _ids = new long[64];
    private int[] _stamps = new int[64];
    private double[] _scores = new double[64];
    private int _slots;
    private int _serial;
    private int _stamp;

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
        _serials[slot] = story.Serial;
        _ids[slot] = story.Id;
        _stamps[slot] = 0;
        Post(story, story.Terms.Ids);
    }

    public void Post(Story story, IEnumerable<int> stemIds)
    {
        foreach (var id in stemIds)
        {
            if (!_postings.TryGetValue(id, out var list)) _postings[id] = list = new PostingList();
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
            _serials[story.Slot] = 0;
            _stories[story.Slot] = null;
            _freeSlots.Push(story.Slot);
            foreach (var id in story.Terms.Ids)
            {
                if (!_postings.TryGetValue(id, out var list)) continue;
                list.Retired++;
                list.CompactIfWorthIt(_serials);
                if (list.Count == 0) _postings.Remove(id);
            }
        }
    }

    /// <summary>
    /// Up to <paramref name="max"/> active stories sharing the most weight with <paramref name="terms"/>'s heaviest
    /// terms. Terms held by more than <paramref name="maxPosting"/> stories are too common to point anywhere.
    /// </summary>
    public List<Story> Candidates(TermVector terms, int max, int maxPosting)
    {
        var stamp = ++_stamp;
        var found = _found;
        found.Clear();
        var (serials, stamps, scores) = (_serials, _stamps, _scores);
        foreach (var t in Heaviest(terms))
        {
            if (!_postings.TryGetValue(terms.Ids[t], out var list) || list.Count - list.Retired > maxPosting) continue;
            var w = terms.Weights[t];
            foreach (var entry in list.Entries)
            {
                var slot = entry.Slot;
                if (serials[slot] != entry.Serial) continue;
                if (stamps[slot] != stamp)
                {
                    stamps[slot] = stamp;
                    scores[slot] = 0;
                    found.Add(slot);
                }
                scores[slot] += w;
            }
        }
        var top = Top(found, max);
        var stories = new List<Story>(top.Count);
        foreach (var slot in top) stories.Add(_stories[slot]!);
        return stories;
    }

    private int NewSlot()
    {
        if (_slots == _serials.Length)
        {
            var size = _slots * 2;
            Array.Resize(ref _stories, size);
            Array.Resize(ref _serials, size);
            Array.Resize(ref _ids, size);
            Array.Resize(ref _stamps, size);
            Array.Resize(ref _scores, size);
        }
        return _slots++;
    }

    /// <summary>
    /// The <paramref name="max"/> best of the found slots, best first (ties by id): one pass keeping a small sorted
    /// list, instead of sorting the thousands a common term can bring.
    /// </summary>
    private List<int> Top(List<int> found, int max)
    {
        if (found.Count <= max)
        {
            found.Sort(Better);
            return found;
        }
        var top = new List<int>(max + 1);
        foreach (var slot in found)
        {
            if (top.Count == max && Better(slot, top[^1]) >= 0) continue;
            var at = top.Count;
            while (at > 0 && Better(slot, top[at - 1]) < 0) at--;
            top.Insert(at, slot);
            if (top.Count > max) top.RemoveAt(max);
        }
        return top;
    }

    /// <summary>Negative when slot <paramref name="a"/> ranks before <paramref name="b"/>: more shared weight, then the older id.</summary>
    private int Better(int a, int b) =>
        _scores[b] != _scores[a] ? _scores[b].CompareTo(_scores[a]) : _ids[a].CompareTo(_ids[b]);

    /// <summary>Positions of the heaviest terms, ties broken by id so the search never depends on anything else.</summary>
    private static IEnumerable<int> Heaviest(TermVector terms)
    {
        if (terms.Count <= SearchTerms) return Enumerable.Range(0, terms.Count);
        var order = Enumerable.Range(0, terms.Count).ToArray();
        Array.Sort(order, (a, b) => terms.Weights[a] != terms.Weights[b] ? terms.Weights[b].CompareTo(terms.Weights[a]) : terms.Ids[a].CompareTo(terms.Ids[b]));
        return order.Take(SearchTerms);
    }
}
