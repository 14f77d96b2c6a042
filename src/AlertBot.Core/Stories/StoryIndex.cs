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
    private int _stamp;

    public int Count { get; private set; }

    public void Add(Story story)
    {
        Count++;
        _byId.Add(story.Id, story);
        _byStart.Enqueue(story, (story.Start, story.Id));
        Post(story, story.Terms.Ids);
    }

    public void Post(Story story, IEnumerable<int> stemIds)
    {
        foreach (var id in stemIds)
        {
            if (!_postings.TryGetValue(id, out var list)) _postings[id] = list = new PostingList();
            list.Stories.Add(story);
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
            story.Retired = true;
            Count--;
            _byId.Remove(story.Id);
            foreach (var id in story.Terms.Ids)
            {
                if (!_postings.TryGetValue(id, out var list)) continue;
                list.Retired++;
                list.CompactIfWorthIt();
                if (list.Stories.Count == 0) _postings.Remove(id);
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
        var found = new List<Story>();
        foreach (var t in Heaviest(terms))
        {
            if (!_postings.TryGetValue(terms.Ids[t], out var list) || list.Stories.Count - list.Retired > maxPosting) continue;
            var w = terms.Weights[t];
            foreach (var story in list.Stories)
            {
                if (story.Retired) continue;
                if (story.SearchStamp != stamp)
                {
                    story.SearchStamp = stamp;
                    story.PartialScore = 0;
                    found.Add(story);
                }
                story.PartialScore += w;
            }
        }
        return Top(found, max);
    }

    /// <summary>
    /// The <paramref name="max"/> best of the found stories, best first (ties by id): one pass keeping a small sorted
    /// list, instead of sorting the thousands a common term can bring.
    /// </summary>
    private static List<Story> Top(List<Story> found, int max)
    {
        if (found.Count <= max)
        {
            found.Sort(Better);
            return found;
        }
        var top = new List<Story>(max + 1);
        foreach (var story in found)
        {
            if (top.Count == max && Better(story, top[^1]) >= 0) continue;
            var at = top.Count;
            while (at > 0 && Better(story, top[at - 1]) < 0) at--;
            top.Insert(at, story);
            if (top.Count > max) top.RemoveAt(max);
        }
        return top;
    }

    /// <summary>Negative when <paramref name="a"/> ranks before <paramref name="b"/>: more shared weight, then the older id.</summary>
    private static int Better(Story a, Story b) =>
        b.PartialScore != a.PartialScore ? b.PartialScore.CompareTo(a.PartialScore) : a.Id.CompareTo(b.Id);

    /// <summary>Positions of the heaviest terms, ties broken by id so the search never depends on anything else.</summary>
    private static IEnumerable<int> Heaviest(TermVector terms)
    {
        if (terms.Count <= SearchTerms) return Enumerable.Range(0, terms.Count);
        var order = Enumerable.Range(0, terms.Count).ToArray();
        Array.Sort(order, (a, b) => terms.Weights[a] != terms.Weights[b] ? terms.Weights[b].CompareTo(terms.Weights[a]) : terms.Ids[a].CompareTo(terms.Ids[b]));
        return order.Take(SearchTerms);
    }
}
