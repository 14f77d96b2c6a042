namespace AlertBot.Core.Stories;

/// <summary>
/// The active stories, reachable by their terms: an inverted index from stem id to the stories whose terms hold it.
/// Finding candidates walks only the postings of the report's own terms, so its cost grows with the report and
/// the stories that share its words, not with the number of active stories. Stories leave the window in order
/// of their first report; their postings are removed lazily, when a search walks past them.
/// </summary>
internal sealed class StoryIndex
{
    private readonly Dictionary<int, List<Story>> _postings = [];
    private readonly PriorityQueue<Story, (DateTimeOffset Start, long Id)> _byStart = new();
    private int _stamp;

    public int Count { get; private set; }

    public void Add(Story story)
    {
        Count++;
        _byStart.Enqueue(story, (story.Start, story.Id));
        Post(story, story.Terms.Ids);
    }

    public void Post(Story story, IEnumerable<int> stemIds)
    {
        foreach (var id in stemIds)
        {
            if (!_postings.TryGetValue(id, out var list)) _postings[id] = list = [];
            list.Add(story);
        }
    }

    /// <summary>Retires every story whose first report is older than <paramref name="cutoff"/>.</summary>
    public void RetireBefore(DateTimeOffset cutoff)
    {
        while (_byStart.TryPeek(out var story, out var key) && key.Start < cutoff)
        {
            _byStart.Dequeue();
            story.Retired = true;
            Count--;
        }
    }

    /// <summary>
    /// Up to <paramref name="max"/> stories sharing the most weight with <paramref name="terms"/>. Terms held by more
    /// than <paramref name="maxPosting"/> stories are too common to point anywhere and are not walked.
    /// </summary>
    public List<Story> Candidates(TermVector terms, int max, int maxPosting)
    {
        var stamp = ++_stamp;
        var found = new List<Story>();
        for (var t = 0; t < terms.Count; t++)
        {
            if (!_postings.TryGetValue(terms.Ids[t], out var list)) continue;
            Compact(list, terms.Ids[t]);
            if (list.Count > maxPosting) continue;
            var w = terms.Weights[t];
            foreach (var story in list)
            {
                if (story.SearchStamp != stamp)
                {
                    story.SearchStamp = stamp;
                    story.PartialScore = 0;
                    found.Add(story);
                }
                story.PartialScore += w;
            }
        }
        found.Sort((a, b) => b.PartialScore != a.PartialScore ? b.PartialScore.CompareTo(a.PartialScore) : a.Id.CompareTo(b.Id));
        if (found.Count > max) found.RemoveRange(max, found.Count - max);
        return found;
    }

    private void Compact(List<Story> list, int stemId)
    {
        var kept = 0;
        for (var i = 0; i < list.Count; i++)
        {
            if (!list[i].Retired) list[kept++] = list[i];
        }
        if (kept == list.Count) return;
        list.RemoveRange(kept, list.Count - kept);
        if (kept == 0) _postings.Remove(stemId);
    }
}
